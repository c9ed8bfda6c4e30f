// Folding text one character at a time for the finders of amounts and dates, which report offsets into
// the text they were given: every character keeps its length.

const NOT_ASCII = /[^\0-\x7f]/gu;

/** `s` as a pattern that matches it literally (a currency symbol, a month name). */
export const escapeRe = (s: string): string => s.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&');

/**
 * A function giving `text` with each character outside ASCII replaced by `fold(ch)`, asked once per
 * distinct character, or the text itself when none changes. A long pasted offer is mostly ASCII and repeats
 * the same few other characters, which usually fold to themselves ("円", "₫"): one pass over the character
 * codes then finds nothing to do, where a replacement would call back for each of them and copy the text.
 */
export function charFolder(fold: (ch: string) => string): (text: string) => string {
  const folds = new Map<string, string>();
  const unchanged = new Set<number>();
  const folded = (ch: string): string => {
    let out = folds.get(ch);
    if (out === undefined) {
      out = fold(ch);
      folds.set(ch, out);
    }
    return out;
  };
  return (text) => {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) < 0x80) continue;
      // A character as the pattern's `u` flag sees it: a surrogate pair is one, and so is a lone surrogate.
      const code = text.codePointAt(i)!;
      if (!unchanged.has(code)) {
        const ch = String.fromCodePoint(code);
        if (folded(ch) !== ch) return text.replace(NOT_ASCII, folded);
        unchanged.add(code);
      }
      if (code > 0xffff) i++;
    }
    return text;
  };
}
