// A ticket's intake: the kinds its articles asked for, what the customer has sent so far (read from every message
// since the conversation began, so nothing is asked twice), and what they are told: the request with the handoff,
// then a short acknowledgement of each item as it arrives. Runtime: any.
import type { Customer } from '../conversation/conversation.ts';
import type { Lang } from '../text/lang.ts';
import { readIntake, type IntakeKind } from './intake-kinds.ts';

export interface TicketIntake {
  /** What the articles behind the handoff said a person will need. */
  readonly requested: readonly IntakeKind[];
  /** What the customer sent (or their profile already held), checked: the specialist's starting point. */
  readonly values: Partial<Readonly<Record<IntakeKind, string>>>;
}

/** The requested kinds not sent yet, in the order asked. */
export const missingOf = (intake: TicketIntake): IntakeKind[] =>
  intake.requested.filter((kind) => intake.values[kind] === undefined);

/**
 * Starts a ticket's intake: the kinds asked for, with what the profile holds (e-mail, phone, an `account` attribute)
 * and what earlier messages already said filled in. The e-mail is also looked for when not requested: it is how a
 * customer who leaves can be answered.
 */
export function startIntake(input: {
  readonly requested: readonly IntakeKind[];
  readonly customer: Customer & { readonly attributes?: Readonly<Record<string, string>> | undefined };
  readonly customerTexts: readonly string[];
}): TicketIntake {
  const values: Partial<Record<IntakeKind, string>> = {};
  if (input.customer.email !== undefined) values.email = input.customer.email;
  const account = input.customer.attributes?.['account'] ?? input.customer.attributes?.['account_number'];
  if (account !== undefined && /^\d{9}$/.test(account.replace(/\D/g, '')))
    values.account_number = account.replace(/\D/g, '');
  const wanted = [...new Set([...input.requested, 'email' as const])];
  for (const text of input.customerTexts) {
    const read = readIntake(
      text,
      wanted.filter((kind) => values[kind] === undefined),
    );
    for (const [kind, reading] of Object.entries(read) as Array<[IntakeKind, (typeof read)[IntakeKind]]>)
      if (reading !== undefined && 'value' in reading) values[kind] = reading.value;
  }
  return { requested: [...new Set(input.requested)], values };
}

/** One waiting customer's message read for what is still missing: what it added and what it got wrong. */
export function continueIntake(
  intake: TicketIntake,
  text: string,
): { readonly intake: TicketIntake; readonly added: IntakeKind[]; readonly invalid: IntakeKind[] } {
  const wanted = [...missingOf(intake), ...(intake.values.email === undefined ? (['email'] as const) : [])];
  const read = readIntake(text, [...new Set(wanted)]);
  const values: Partial<Record<IntakeKind, string>> = { ...intake.values };
  const added: IntakeKind[] = [];
  const invalid: IntakeKind[] = [];
  for (const [kind, reading] of Object.entries(read) as Array<[IntakeKind, (typeof read)[IntakeKind]]>) {
    if (reading === undefined) continue;
    if ('value' in reading) {
      values[kind] = reading.value;
      added.push(kind);
    } else invalid.push(kind);
  }
  return { intake: { requested: intake.requested, values }, added, invalid };
}

const NAMES: Readonly<Record<Lang, Readonly<Record<IntakeKind, string>>>> = {
  ru: {
    account_number: 'номер лицевого счёта (9 цифр)',
    address: 'адрес подключения',
    phone: 'номер телефона для связи',
    email: 'адрес электронной почты',
    card_last4: 'последние 4 цифры карты',
  },
  en: {
    account_number: 'your 9-digit account number',
    address: 'the connection address',
    phone: 'a phone number to reach you on',
    email: 'your e-mail address',
    card_last4: 'the last 4 digits of the card',
  },
};

const SHORT: Readonly<Record<Lang, Readonly<Record<IntakeKind, string>>>> = {
  ru: {
    account_number: 'номер лицевого счёта',
    address: 'адрес',
    phone: 'телефон',
    email: 'почта',
    card_last4: 'последние цифры карты',
  },
  en: {
    account_number: 'account number',
    address: 'address',
    phone: 'phone',
    email: 'e-mail',
    card_last4: 'last card digits',
  },
};

const INVALID: Readonly<Record<Lang, Partial<Readonly<Record<IntakeKind, string>>>>> = {
  ru: {
    account_number: 'В номере лицевого счёта 9 цифр: проверьте, пожалуйста, и пришлите его ещё раз.',
    email: 'Похоже, в адресе почты опечатка: проверьте его, пожалуйста.',
  },
  en: {
    account_number: 'An account number has 9 digits: please check it and send it again.',
    email: 'The e-mail address seems to have a typo: please check it.',
  },
};

const list = (items: readonly string[], lang: Lang) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${lang === 'ru' ? 'и' : 'and'} ${items.at(-1) ?? ''}`;

/**
 * What the handoff reply adds: the items still missing, so the specialist can start at once, and, when the customer
 * gave no e-mail, that they may leave one if they cannot wait. Empty when nothing is asked.
 */
export function intakeRequest(intake: TicketIntake, lang: Lang): string {
  const missing = missingOf(intake).map((kind) => NAMES[lang][kind]);
  const parts: string[] = [];
  if (missing.length > 0)
    parts.push(
      lang === 'ru'
        ? `Пока Вы ждёте, пришлите, пожалуйста, ${list(missing, lang)}: специалист сразу возьмётся за дело, и Вам не придётся повторять.`
        : `While you wait, please send ${list(missing, lang)}, so the specialist can start straight away and you won't have to repeat anything.`,
    );
  if (intake.values.email === undefined)
    parts.push(
      lang === 'ru'
        ? 'Если не сможете дождаться, оставьте адрес электронной почты: специалист увидит его вместе с обращением.'
        : "If you can't wait, leave your e-mail address: the specialist will see it with your request.",
    );
  return parts.join(' ');
}

/** The acknowledgement of a waiting customer's message that sent intake items (or got one wrong); null otherwise. */
export function intakeNotice(
  result: {
    readonly intake: TicketIntake;
    readonly added: readonly IntakeKind[];
    readonly invalid: readonly IntakeKind[];
  },
  lang: Lang,
): string | null {
  const parts: string[] = [];
  if (result.added.length > 0) {
    const items = result.added.map((kind) => `${SHORT[lang][kind]} ${result.intake.values[kind] ?? ''}`.trim());
    parts.push(
      lang === 'ru'
        ? `Спасибо, добавил к обращению: ${items.join('; ')}.`
        : `Thank you, I've added to your request: ${items.join('; ')}.`,
    );
  }
  for (const kind of result.invalid) {
    const text = INVALID[lang][kind];
    if (text !== undefined) parts.push(text);
  }
  if (parts.length === 0) return null;
  const missing = missingOf(result.intake).map((kind) => NAMES[lang][kind]);
  if (result.added.length > 0 && missing.length > 0)
    parts.push(lang === 'ru' ? `Осталось: ${list(missing, lang)}.` : `Still needed: ${list(missing, lang)}.`);
  else if (result.added.length > 0)
    parts.push(lang === 'ru' ? 'Специалист увидит это в обращении.' : 'The specialist will see it in your request.');
  return parts.join(' ');
}
