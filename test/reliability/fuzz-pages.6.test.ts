// Part 6 of readPage's fuzzing (fuzz-pages.ts).
import { describe } from 'vitest';
import { fuzzGeneratedPages } from './fuzz-pages.ts';

describe('fuzzing the page reader', () => {
  fuzzGeneratedPages(6);
});
