// Promotion ids: stable within an ad account, the same whichever tab, page tab or language showed it.
// A code is the strongest identity; a page row without one is known by its name and start date.

/** Lowercase, width-folded, punctuation and spacing removed: "New-Advertiser  Offer" = "newadvertiseroffer". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Codes are compared without spaces and case: what the advertiser typed may have either. */
export function normalizeCode(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function promotionId(parts: {
  code: string | null;
  name: string | null;
  date: string | null;
}): string {
  if (parts.code !== null && normalizeCode(parts.code) !== '') return `code:${normalizeCode(parts.code)}`;
  return `page:${parts.name === null ? '' : normalizeName(parts.name)}|${parts.date ?? ''}`;
}
