// The stamp of a glossary's wordings: a hash of every language's wordings, in order. The build writes it
// into the code (vite.config.ts compactGlossary); the content script works it out again over the copy it
// reads from storage, so that it uses a copy only when it says exactly what this build was made with.
// Not a defence against an attacker (only the extension's own contexts write its storage): a check that
// the copy is whole, current and in order, cheaper than checking its shape.

export function wordingsStamp(file: Readonly<Record<string, unknown>>, languages: readonly string[]): string {
  const text = JSON.stringify(languages.map((lang) => [lang, file[lang]]));
  // Two 32-bit multiplicative hashes mixed into 53 bits (the cyrb53 construction): fast on 30 KB of text.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
