// A migration turns storage written by one layout version into the next. Pure: it gets every stored item
// and returns the keys to set and to remove; the worker writes them (sets first, so nothing is lost).

export type Items = Readonly<Record<string, unknown>>;

export interface Changes {
  set: Record<string, unknown>;
  remove: string[];
}

export interface Migration {
  /** The version storage is at after this migration. */
  version: number;
  migrate(items: Items, at: string): Changes;
}
