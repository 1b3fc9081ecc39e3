// Phone numbers, links, e-mail addresses and secret-looking tokens in text, in a canonical form:
// «8 (800) 555-35-35» and "+7 800 555 35 35" are both 88005553535. Runtime: any.
import { alternation } from '../text/pattern.ts';

export type ContactKind = 'phone' | 'url' | 'email' | 'secret';

export interface Contact {
  readonly kind: ContactKind;
  /** Canonical form: digits for phones, host and path for links, lower case for addresses. */
  readonly value: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * An address starts where its run of address characters starts: without the look-behind, a long run with no «@»
 * («a.a.a.a…», "7777…") is tried from every one of its characters, each try reading to its end (quadratic).
 */
const EMAIL = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/gu;
/** A bare domain name: «kometa.example», «my.kometa.ru». */
const DOMAIN = String.raw`(?:[a-z\d-]+\.)+(?:ru|com|net|org|example|рф|io|app)`;
const URL = alternation(
  [
    String.raw`(?:https?:\/\/|www\.)[^\s)»"'<>]+`,
    String.raw`(?<![@\p{L}\d.-])${DOMAIN}(?![\p{L}\d-])(?:\/[^\s)»"'<>]*)?`,
  ],
  'giu',
);
/** Between the digit groups of a phone number: spaces, no-break spaces, hyphens. */
const GAP = String.raw`[\s\u00a0-]*`;
const PHONE = alternation(
  [
    String.raw`(?<![\d+])(?:\+\s?7|8|7)${GAP}\(?\s*\d{3}\s*\)?${GAP}\d{3}${GAP}\d{2}${GAP}\d{2}(?!\d)`,
    String.raw`(?<![\d+])\+\d{1,3}${GAP}\(?\d{2,4}\)?(?:${GAP}\d{2,4}){2,4}(?!\d)`,
    String.raw`\*\d{2,4}#`,
  ],
  'gu',
);
/** Keys, tokens and passwords: long runs mixing letters and digits, or with a key-like prefix. */
const SECRET = alternation(
  [
    String.raw`(?<![\p{L}\d])(?:sk|pk|rk|api|key|tok|ghp|xox[bp])[-_][\w-]{8,}`,
    // A digit and a letter within the first 64 characters: unbounded, the look-aheads read every "_" of a long
    // run of them (each a place a token may start) to the run's end.
    String.raw`(?<![\p{L}\d/.-])(?=[\w-]{0,64}\d)(?=[\w-]{0,64}[a-z])[a-z\d_-]{24,}(?![\p{L}\d])`,
  ],
  'giu',
);

function canonicalPhone(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('7') ? `8${digits.slice(1)}` : digits;
}

const TRAILING_PUNCTUATION = new Set('.,;:!?');

/**
 * The text without its trailing punctuation. A loop, not `/[.,;:!?]+$/`: that pattern tries every character of a
 * long run of dots in a link and reads each try to the run's end (quadratic).
 */
function withoutTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

/** Host and path, lower case, without the scheme, "www.", a trailing slash or punctuation. */
export function canonicalUrl(text: string): string {
  return withoutTrailingPunctuation(text.toLowerCase())
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

/** Every contact in `text`, in order. Addresses are found before links, so an address's domain is not a link too. */
export function contactsOf(text: string): Contact[] {
  const found: Contact[] = [];
  // Characters already in a contact: each pattern's matches do not overlap, so marking and checking them reads
  // the text about once per pattern, however many contacts it has.
  const taken = new Uint8Array(text.length);
  const free = (start: number, end: number) => !taken.subarray(start, end).includes(1);
  const collect = (pattern: RegExp, kind: ContactKind, canonical: (raw: string) => string) => {
    for (const match of text.matchAll(pattern)) {
      const raw = withoutTrailingPunctuation(match[0]);
      const start = match.index;
      const end = start + raw.length;
      if (!free(start, end)) continue;
      taken.fill(1, start, end);
      found.push({ kind, value: canonical(raw), text: raw, start, end });
    }
  };
  collect(EMAIL, 'email', (raw) => raw.toLowerCase());
  collect(URL, 'url', canonicalUrl);
  collect(PHONE, 'phone', canonicalPhone);
  collect(SECRET, 'secret', (raw) => raw.toLowerCase());
  return found.sort((left, right) => left.start - right.start);
}

/**
 * A link is supported by the same link in a source, or by a source link under it: a reply may name the
 * site ("kometa.example") whose page the article links, but not a page the article does not have.
 */
export function sameContact(claim: Contact, source: Contact): boolean {
  if (claim.kind !== source.kind) return false;
  if (claim.kind !== 'url') return claim.value === source.value;
  return (
    source.value === claim.value ||
    source.value.startsWith(`${claim.value}/`) ||
    (!claim.value.includes('/') && hostOf(source.value) === claim.value)
  );
}

const hostOf = (url: string) => url.split('/')[0] ?? url;
