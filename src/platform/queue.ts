// The worker's one write queue: a promise chain, so every read-modify-write of storage runs alone and
// two tabs reporting at once cannot overwrite each other's update. A failed task does not stop the chain.
export interface Queue {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createQueue(): Queue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
