// What reader-chromium.ts loads into a page: the reader, the floor and the same interleaved comparison
// the Node figures use, so both sides of the ratio run in the page's own engine.
export { readPage } from '../src/core/page/index.ts';
export { textFloor } from './floor.ts';
export { compare } from './stats.ts';
export { rereadOneRow } from './reread.ts';
