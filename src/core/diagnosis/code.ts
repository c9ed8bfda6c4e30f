// What is wrong with the code as typed: characters a copy picked up, lookalike letters and digits, case,
// and a shape unlike the codes this advertiser has redeemed before.

/** One thing seen in the code: a message key with its substitutions, and how strongly it suggests a typo. */
export interface CodeFinding {
  key: string;
  substitutions: Array<string | number>;
  weight: number;
}

export interface CodeCheck {
  findings: CodeFinding[];
  /**
   * The code with every finding corrected; equal to the typed code when nothing was found; null when a
   * character could be a letter or a digit and nothing says which: a fix is offered only when every
   * character it changes is certain, so a guess never reads as the answer.
   */
  corrected: string | null;
  /** Positions (counting letters and digits, from 1) of characters that could be a letter or a digit. */
  ambiguous: number[];
}

// Characters that do not show on screen but make a code differ, usually carried over from an e-mail.
const INVISIBLE: Record<string, string> = {
  '\u200b': 'zero-width space',
  '\u200c': 'zero-width non-joiner',
  '\u200d': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\ufeff': 'byte order mark',
  '\u00ad': 'soft hyphen',
};
const WIDE_SPACE = /[\u00a0\u202f\u2007\u3000]/;
// Every dash that is not the hyphen-minus on the keyboard: hyphens, en and em dashes, minus signs,
// small and full-width forms (a code copied from a document or a phone picks these up).
const FULL_WIDTH = /[\uff01-\uff5e]/u;
const FULL_WIDTH_ALL = /[\uff01-\uff5e]/gu;
const OTHER_DASH = /[\u2010-\u2015\u2212\u2043\u2e3a\u2e3b\ufe58\ufe63\uff0d]/gu;
const SEPARATOR = /[-_./]/;
const LETTER_FOR_DIGIT: Record<string, string> = { O: '0', o: '0', I: '1', l: '1', S: '5', B: '8', Z: '2' };
const DIGIT_FOR_LETTER: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '2': 'Z' };
// Capital letters that have a digit twin.
const DIGIT_OF_CAPITAL: Record<string, string> = { O: '0', I: '1', L: '1', S: '5', B: '8', Z: '2' };

const isDigit = (c: string | undefined): boolean => c !== undefined && /^\d$/.test(c);
const isLetter = (c: string | undefined): boolean => c !== undefined && /^\p{L}$/u.test(c);

/** "TTADS-500FF" → [5, 5]: the lengths of the groups between separators. */
function groupLengths(code: string): number[] {
  return code.split(SEPARATOR).map((g) => g.length);
}

function codepoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function checkCode(typed: string, previousCodes: readonly string[] = []): CodeCheck {
  const findings: CodeFinding[] = [];
  let code = typed;

  const invisible = [...code].filter((ch) => INVISIBLE[ch] !== undefined);
  if (invisible.length > 0) {
    const first = invisible[0]!;
    findings.push({
      key: 'diag_ev_invisibleCharacter',
      substitutions: [invisible.length, `${INVISIBLE[first]!} ${codepoint(first)}`],
      weight: 0.85,
    });
    code = [...code].filter((ch) => INVISIBLE[ch] === undefined).join('');
  }

  const dashes = code.match(OTHER_DASH);
  if (dashes) {
    findings.push({
      key: 'diag_ev_unusualDash',
      substitutions: [`${dashes[0]} ${codepoint(dashes[0])}`],
      weight: 0.75,
    });
    code = code.replace(OTHER_DASH, '-');
  }

  // Full-width letters and digits ("ＴＴＡＤＳ５００"), typed with an East Asian input method.
  if (FULL_WIDTH.test(code)) {
    findings.push({ key: 'diag_ev_fullWidth', substitutions: [], weight: 0.8 });
    code = code.replace(FULL_WIDTH_ALL, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  }

  if (/^[\s\u00a0\u202f\u3000]/.test(code)) {
    findings.push({ key: 'diag_ev_leadingSpace', substitutions: [], weight: 0.7 });
  }
  if (/[\s\u00a0\u202f\u3000]$/.test(code)) {
    findings.push({ key: 'diag_ev_trailingSpace', substitutions: [], weight: 0.7 });
  }
  code = code.replace(/^[\s\u00a0\u202f\u3000]+|[\s\u00a0\u202f\u3000]+$/g, '');
  if (/[\s\u00a0\u202f\u3000]/.test(code)) {
    findings.push({
      key: WIDE_SPACE.test(code) ? 'diag_ev_innerNonBreakingSpace' : 'diag_ev_innerSpace',
      substitutions: [],
      weight: 0.75,
    });
    code = code.replace(/[\s\u00a0\u202f\u3000]+/g, '');
  }

  const previous = previousCodes.map((p) => p.trim().toUpperCase()).filter((p) => p !== '');
  code = fixLookalikes(code, previous, findings);

  if (/\p{Ll}/u.test(code)) {
    const capitalsBefore = previous.length > 0 && previous.every((p) => !/\p{Ll}/u.test(p));
    findings.push({
      key: capitalsBefore ? 'diag_ev_lowercaseUnlikePrevious' : 'diag_ev_lowercase',
      substitutions: [],
      weight: capitalsBefore ? 0.6 : /\p{Lu}/u.test(code) ? 0.5 : 0.45,
    });
    code = code.toUpperCase();
  }

  const shapes = new Set(previous.map((p) => groupLengths(p).join('-')));
  const [onlyShape] = shapes;
  const shape = groupLengths(code).join('-');
  if (shapes.size === 1 && onlyShape !== shape) {
    findings.push({
      key: 'diag_ev_shapeUnlikePrevious',
      substitutions: [previous[0]!, code.replace(/[^\p{L}\p{N}]/gu, '').length],
      weight: 0.5,
    });
  }

  const ambiguous = ambiguousPositions(code, previous);
  for (const position of ambiguous) {
    const ch = [...code.replace(/[^\p{L}\p{N}]/gu, '')][position - 1]!;
    findings.push({
      key: 'diag_ev_letterOrDigit',
      substitutions: [position, ch, DIGIT_OF_CAPITAL[ch]!],
      weight: 0.6,
    });
  }
  const corrected = ambiguous.length > 0 ? null : findings.length > 0 ? code : typed;
  return { findings, corrected, ambiguous };
}

/**
 * Capital letters with a digit twin (O/0, I/1, L/1, S/5, B/8, Z/2) that touch a digit in their group, or
 * such a letter that does: "5OO" could be "500", "5O0" or "5OO" itself. The letters between two digits
 * were already made digits (certain); codes of the same shape redeemed before settle the others.
 */
function ambiguousPositions(code: string, previous: readonly string[]): number[] {
  const sameShape = previous.filter((p) => groupLengths(p).join('-') === groupLengths(code).join('-'));
  const chars = [...code];
  const doubtful = chars.map((ch, i) => {
    if (DIGIT_OF_CAPITAL[ch] === undefined) return false;
    const letterHere = sameShape.some((p) => isLetter(p[i]));
    const digitHere = sameShape.some((p) => isDigit(p[i]));
    return letterHere === digitHere;
  });
  const touches = (i: number, test: (j: number) => boolean): boolean =>
    [i - 1, i + 1].some((j) => j >= 0 && j < chars.length && !SEPARATOR.test(chars[j]!) && test(j));
  const ambiguous = new Set<number>();
  chars.forEach((_, i) => {
    if (doubtful[i] && touches(i, (j) => isDigit(chars[j]))) ambiguous.add(i);
  });
  // Along a run of such letters: the one beside the digit makes its neighbour just as uncertain.
  for (let grew = true; grew;) {
    grew = false;
    chars.forEach((_, i) => {
      if (doubtful[i] && !ambiguous.has(i) && touches(i, (j) => ambiguous.has(j))) {
        ambiguous.add(i);
        grew = true;
      }
    });
  }
  let position = 0;
  const positions: number[] = [];
  chars.forEach((ch, i) => {
    if (/[\p{L}\p{N}]/u.test(ch)) position++;
    if (ambiguous.has(i)) positions.push(position);
  });
  return positions;
}

/**
 * A letter standing between digits (or a digit between letters) inside one group of the code is most
 * likely its lookalike. Codes of the same shape redeemed before say which kind belongs at each place.
 */
function fixLookalikes(code: string, previous: string[], findings: CodeFinding[]): string {
  const sameShape = previous.filter((p) => groupLengths(p).join('-') === groupLengths(code).join('-'));
  const chars = [...code];
  let position = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (SEPARATOR.test(ch)) continue;
    position++;
    const before = SEPARATOR.test(chars[i - 1] ?? '-') ? undefined : chars[i - 1];
    const after = SEPARATOR.test(chars[i + 1] ?? '-') ? undefined : chars[i + 1];
    const digitHere = sameShape.some((p) => isDigit(p[i]));
    const letterHere = sameShape.some((p) => isLetter(p[i]));
    const digit = LETTER_FOR_DIGIT[ch];
    const letter = DIGIT_FOR_LETTER[ch];
    if (digit !== undefined && ((isDigit(before) && isDigit(after)) || (digitHere && !letterHere))) {
      findings.push({
        key: digitHere ? 'diag_ev_letterWherePreviousHadDigit' : 'diag_ev_letterAmongDigits',
        substitutions: [position, ch, digit],
        weight: digitHere ? 0.8 : 0.7,
      });
      chars[i] = digit;
    } else if (
      letter !== undefined &&
      ((isLetter(before) && isLetter(after)) || (letterHere && !digitHere))
    ) {
      findings.push({
        key: letterHere ? 'diag_ev_digitWherePreviousHadLetter' : 'diag_ev_digitAmongLetters',
        substitutions: [position, ch, letter],
        weight: letterHere ? 0.75 : 0.55,
      });
      chars[i] = letter;
    }
  }
  return chars.join('');
}
