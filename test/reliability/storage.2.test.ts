// Part 2 of the corrupted stored values (storage.ts).
import { describe } from 'vitest';
import { corruptedProfiles, freshStorageEachTest } from './storage.ts';

freshStorageEachTest();

describe('corrupted and foreign stored values', () => {
  corruptedProfiles(2);
});
