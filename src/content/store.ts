// The latest page state, shared by the features: each subscribes for as long as its signal lives.

export interface Store<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: (value: T) => void, signal: AbortSignal): void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of [...listeners]) listener(next);
    },
    subscribe(listener, signal) {
      if (signal.aborted) return;
      listeners.add(listener);
      signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
  };
}
