// Masks personal data in free text before it reaches a log line or a model: e-mail addresses, phone numbers,
// card-like and account numbers, passport numbers. Pure, linear in the text's length. Runtime: any.

/** Rewrites a text for a place that must not see personal data; the identity when masking is off. */
export type PiiRedactor = (text: string) => string;

export const keepText: PiiRedactor = (text) => text;

/** {@link redactPii} when masking is on (REDACT_PII=on), {@link keepText} when it is off. */
export function piiRedactor(on: boolean): PiiRedactor {
  return on ? redactPii : keepText;
}

export type PiiKind = 'email' | 'phone' | 'card' | 'passport' | 'number';

const PLACEHOLDER: Readonly<Record<PiiKind, string>> = {
  email: '[email]',
  phone: '[phone]',
  card: '[card]',
  passport: '[passport]',
  number: '[number]',
};

// Every pattern is bounded and its repeated parts cannot match the same text two ways, so a crafted message costs
// a constant per character (src/core/text/pii.test.ts checks it on 100,000 characters).
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu;

/** "серия 1234 номер 567890", "паспорт 45 06 123456", "passport series 1234 no. 567890". */
const PASSPORT = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}])`,
    String.raw`(?:(?:паспорт|passport)[ \t:]{1,3}(?:(?:серия|series)[ \t:]{1,3})?|(?:серия|series)[ \t:]{1,3})`,
    String.raw`\d{2}[ \t]?\d{2}[ \t,]{1,3}`,
    String.raw`(?:(?:№|номер|no\.?|number)[ \t:]{0,3})?`,
    String.raw`\d{6}(?!\p{N})`,
  ].join(''),
  'giu',
);

/**
 * A run of digits that may be one number written with spaces, dashes or brackets between groups
 * ("+7 (916) 123-45-67", "4111 1111 1111 1111"). It starts where no letter or digit precedes it (nor a decimal
 * point after a digit, nor a hyphen after a letter or digit, as inside an id); dots, colons and commas end it,
 * so dates, times, versions and decimals never form one.
 */
const DIGIT_RUN = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}_+])(?<!\p{N}[.,])(?<![\p{L}\p{N}][\-\u2010\u2011])`,
    String.raw`(?:\+[ \t\u00A0]?)?\(?\d`,
    // Nine digits at least: shorter numbers (prices, order numbers, years) never reach the classifier.
    String.raw`(?:[ \t\u00A0\u202F()\-\u2010\u2011\u2013]{0,3}\d){8,63}`,
  ].join(''),
  'gu',
);

/** A currency mark right before or after a run: "1 990 000 000 ₽", "$ 1 250 000 000" are amounts, not accounts. */
const CURRENCY_AFTER = /^[ \u00A0\u202F]?(?:₽|\$|€|руб|р\.|rub|usd|eur|долл|евро|тыс|млн|млрд)/iu;
const CURRENCY_BEFORE = /(?:₽|\$|€)[ \u00A0\u202F]?$/u;
/** A run followed by `:5`, `.5` or `,5` ends inside a time or a decimal: its last group is not part of it. */
const CONTINUES_AS_OTHER = /^[.,:]\d/u;
/** A run glued to a letter ("12345678901abc", "…-1234-7abc" in an id) is part of a longer token. */
const INSIDE_TOKEN = /^[-\u2010\u2011]?[\p{L}_]/u;
const TRAILING_GROUP = /[^\d]*\d+$/u;

/** Luhn checksum of a string of digits (card numbers pass it). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * What a run of digits (as written, with its separators) is, or undefined to leave it: international numbers
 * (`+` and 10–15 digits) and Russian ones (11 digits from 7 or 8, or 10 digits from 9 or in brackets) are
 * phones; 13–19 digits passing Luhn are cards; any other run of 9 or more digits is an account-like number.
 * Shorter runs (order numbers, prices, years, codes) are kept.
 */
export function classifyDigits(run: string): PiiKind | undefined {
  const digits = run.replace(/\D/gu, '');
  const count = digits.length;
  if (run.startsWith('+')) return count >= 10 && count <= 15 ? 'phone' : count >= 9 ? 'number' : undefined;
  if (count === 11 && (digits.startsWith('7') || digits.startsWith('8'))) return 'phone';
  if (count >= 13 && count <= 19 && luhnValid(digits)) return 'card';
  if (count === 10 && (digits.startsWith('9') || run.includes('('))) return 'phone';
  return count >= 9 ? 'number' : undefined;
}

function maskRun(written: string, offset: number, text: string): string {
  const after = text.slice(offset + written.length, offset + written.length + 8);
  if (INSIDE_TOKEN.test(after)) return written;
  if (CURRENCY_AFTER.test(after) || CURRENCY_BEFORE.test(text.slice(Math.max(0, offset - 2), offset))) return written;
  let run = written;
  if (CONTINUES_AS_OTHER.test(after)) {
    // "2026-03-12 14:30": the run took the hour; it is judged without its last group, which stays as written.
    const cut = TRAILING_GROUP.exec(run)?.index ?? 0;
    if (cut === 0) return written;
    run = run.slice(0, cut);
  }
  const next = text.charCodeAt(offset + written.length);
  // A run cut at its bound (over 64 digits) goes on with more digits: masked as a number whatever it looks like.
  const kind = next >= 48 && next <= 57 ? 'number' : classifyDigits(run);
  if (kind === undefined) return written;
  // An opening bracket the number does not close stays outside the placeholder: "(89161234567" in a sentence.
  const open = run.startsWith('(') && !run.includes(')') ? '(' : '';
  return open + PLACEHOLDER[kind] + written.slice(run.length);
}

function maskEmail(address: string): string {
  // "langchain@1.5.8" is a package version, not an address: a domain ends in a name.
  return /\.[\p{N}-]+$/u.test(address) ? address : PLACEHOLDER.email;
}

/**
 * The text with personal data replaced by `[email]`, `[phone]`, `[card]`, `[passport]` or `[number]`; all
 * other text is unchanged. Names and street addresses are not detected.
 */
export function redactPii(text: string): string {
  if (!/[\d@]/u.test(text)) return text;
  return text
    .replace(EMAIL, maskEmail)
    .replace(PASSPORT, PLACEHOLDER.passport)
    .replace(DIGIT_RUN, (run: string, offset: number, whole: string) => maskRun(run, offset, whole));
}
