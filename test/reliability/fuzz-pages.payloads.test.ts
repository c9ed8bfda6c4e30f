// readPage's fuzzing (fuzz-pages.ts): every whole hostile payload in every saved page.
import { describe } from 'vitest';
import { fuzzWholePayloads } from './fuzz-pages.ts';

describe('fuzzing the page reader', () => {
  fuzzWholePayloads();
});
