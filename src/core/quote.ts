// Page text quoted back to the advertiser (a refused code's error message, the evidence that quotes
// it). A hostile page can word its error like a phishing mail ("verify your card at https://…"); shown
// in our panel or popup it would read as our advice. Links in it are replaced with a visible marker, so
// no address the page wrote is ever shown as it is, in any view.

// An address with a scheme (https://, javascript:, data:…), one starting with www., or a bare host name
// with a path or a common top-level domain ("evil.example/verify", "pay-now.com").
const LINK =
  /\b(?:[a-z][a-z0-9+.-]*:\/\/|(?:javascript|data|vbscript|mailto|tel|blob):|www\.)[^\s<>"'“”]*|\b(?:[a-z0-9-]+\.)+(?:[a-z]{2,24})(?:[/?#:][^\s<>"'“”]*|(?=[\s.,;:!?)]|$))/gi;

/** A dot between letters that is a sentence, not a host: "e.g." or "U.S." have one-letter labels. */
const isHostLike = (match: string) => /(?:^|\/\/|\.)[a-z0-9-]{2,}\.[a-z]{2,}/i.test(match) || /:/.test(match);

/** `text` with every link replaced by `marker` (the UI's "[link removed]" in its language). */
export function withoutLinks(text: string, marker: string): string {
  return text.replace(LINK, (match) => (isHostLike(match) ? marker : match));
}
