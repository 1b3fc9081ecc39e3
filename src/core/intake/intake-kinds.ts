// Intake: what the first line collects for the specialist while the customer waits, so nobody asks twice. Articles
// name what a person will need (`collect:` in their front matter); these are the kinds there are, each with how it
// is recognised in a message and checked. Runtime: any.
import { z } from 'zod';

export const INTAKE_KINDS = ['account_number', 'address', 'phone', 'email', 'card_last4'] as const;
export const intakeKindSchema = z.enum(INTAKE_KINDS);
export type IntakeKind = z.infer<typeof intakeKindSchema>;

/** What the customer sent for one kind: its value as kept, or that it looked like one but was not valid. */
export type IntakeReading = { readonly value: string } | { readonly invalid: true };

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** Phone numbers in Russian notation (+7 or 8, then 10 digits, with spaces, dashes or brackets): +7XXXXXXXXXX. */
const PHONE = /(?<![\d+])(?:\+7|8)[\s(-]{0,3}\d{3}[\s)-]{0,3}\d{3}[\s-]{0,2}\d{2}[\s-]{0,2}\d{2}(?!\d)/g;
/** One e-mail address, checked whole (the candidate around an `@` is cut out first, so the check stays linear). */
const EMAIL = /^[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}$/u;
const EMAIL_CHARACTER = /[\p{L}\p{N}._%+@-]/u;
/** A run of digits, possibly grouped by single spaces or dashes ("123 456 789", "123-456-789"). */
const NUMBER = /(?<![\d+])\d+(?:[ -]\d+)*(?!\d)/g;
const STREET =
  /(?:^|[\s,.(])(?:ул|улица|пр-т|пр|проспект|пер|переулок|ш|шоссе|бульвар|б-р|наб|набережная|пл|площадь|мкр|микрорайон|д|дом|кв|квартира|корп|корпус|стр|street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|apt|apartment|flat|house|building)(?=[\s.,\d]|$)/iu;
const CARD_CUE = /карт|card|последни|last/iu;

/**
 * The first e-mail address in the text, lower-cased: the run of address characters around each `@` (at most 320 of
 * them) is checked whole, so a long text without one costs one pass.
 */
function emailIn(text: string): { readonly found: string | undefined; readonly attempted: boolean } {
  let attempted = false;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && EMAIL_CHARACTER.test(text.charAt(start - 1))) start -= 1;
    let end = at + 1;
    while (end < text.length && end - at < 256 && EMAIL_CHARACTER.test(text.charAt(end))) end += 1;
    const candidate = text.slice(start, end).replace(/[.-]+$/, '');
    if (start < at && end > at + 1) attempted = true;
    if (EMAIL.test(candidate)) return { found: candidate, attempted };
  }
  return { found: undefined, attempted };
}

/** The phone numbers in a text, normalised, and the text without them (so their digits are not read again). */
function phones(text: string): { readonly found: string[]; readonly rest: string } {
  const found = [...text.matchAll(PHONE)].map((match) => `+7${digitsOf(match[0]).slice(-10)}`);
  return { found, rest: text.replace(PHONE, ' ') };
}

/**
 * Reads the kinds still wanted from one customer message. A value is taken only when it is unambiguous: a 9-digit
 * account number (a number of 6–12 digits is a mistyped one), a Russian phone number, an e-mail, an address with a
 * street word and a number, the last 4 digits of a card (a lone 4-digit number in a short message, or one beside
 * the word "card").
 */
export function readIntake(
  text: string,
  wanted: readonly IntakeKind[],
): Partial<Readonly<Record<IntakeKind, IntakeReading>>> {
  const found: Partial<Record<IntakeKind, IntakeReading>> = {};
  const bounded = text.slice(0, 2_000);
  const phone = phones(bounded);
  if (wanted.includes('phone') && phone.found[0] !== undefined) found.phone = { value: phone.found[0] };
  const { found: email, attempted } = emailIn(bounded);
  if (wanted.includes('email')) {
    if (email !== undefined) found.email = { value: email.toLowerCase() };
    else if (attempted) found.email = { invalid: true };
  }
  // Numbers outside phone numbers and e-mail addresses.
  const rest = email === undefined ? phone.rest : phone.rest.replace(email, ' ');
  const numbers = [...rest.matchAll(NUMBER)].map((match) => digitsOf(match[0]));
  if (wanted.includes('account_number')) {
    const account = numbers.find((digits) => digits.length === 9);
    if (account !== undefined) found.account_number = { value: account };
    else if (numbers.some((digits) => digits.length >= 6 && digits.length <= 12))
      found.account_number = { invalid: true };
  }
  if (wanted.includes('card_last4')) {
    const four = numbers.filter((digits) => digits.length === 4);
    if (four.length === 1 && (CARD_CUE.test(rest) || rest.trim().length <= 40))
      found.card_last4 = { value: four[0] ?? '' };
  }
  if (wanted.includes('address') && STREET.test(rest) && /\d/.test(rest)) {
    // Without the account number or card digits read from the same message.
    const taken = [found.account_number, found.card_last4].flatMap((reading) =>
      reading !== undefined && 'value' in reading ? [reading.value] : [],
    );
    const address = [...rest.matchAll(NUMBER)]
      .filter((match) => taken.includes(digitsOf(match[0])))
      .reduce((text, match) => text.replace(match[0], ' '), rest)
      .replace(/\s+/g, ' ')
      .replace(/ ([,.;])/g, '$1')
      .replace(/^[\s,.;:-]+|[\s,.;:-]+$/g, '')
      .slice(0, 200);
    if (address.length >= 8) found.address = { value: address };
  }
  return found;
}
