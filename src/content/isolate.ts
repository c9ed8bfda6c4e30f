// A feature that throws must not take the others down with it: each feature's start, each of its state
// listeners and each frame it asks for run apart, and what throws is logged with the feature's name.
import type { FeatureContext } from './types.ts';

/** `run`, with a throw logged under `name` instead of passed on. */
export function isolated<A extends unknown[]>(name: string, run: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      run(...args);
    } catch (error) {
      console.error(`Ad Credit Guide: ${name} failed`, error);
    }
  };
}

/** The context one feature sees: its state listeners and frames isolated under its name. */
export function isolatedContext(name: string, ctx: FeatureContext): FeatureContext {
  const { state, deps } = ctx;
  return {
    ...ctx,
    deps: { ...deps, schedule: (callback) => deps.schedule(isolated(name, callback)) },
    state: {
      get: () => state.get(),
      set: (value) => state.set(value),
      subscribe: (listener, signal) => state.subscribe(isolated(name, listener), signal),
    },
  };
}
