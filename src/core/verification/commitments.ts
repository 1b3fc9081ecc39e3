// Commitments in text: promises of money back, compensation, discounts, free periods, bonuses, callbacks,
// visits, guarantees and "we will…" actions, in Russian and English. Runtime: any.
import { alternation, alternatives } from '../text/pattern.ts';

export type CommitmentKind =
  'compensation' | 'refund' | 'discount' | 'free' | 'bonus' | 'callback' | 'visit' | 'guarantee' | 'action';

export interface Commitment {
  readonly kind: CommitmentKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Said as what will not happen («не возвращается», "is not refunded"). */
  readonly negated: boolean;
  /** Made by the bot itself ("I'll refund", «я проверю»): no article speaks as the bot, so nothing supports it. */
  readonly personal: boolean;
}

/** Verbs a first-person promise is made of: what the company would have to do. */
const ACTION_VERBS_RU = alternatives([
  'продл|начисл|зачисл|отправ|пришл|вышл|сдела|провер|исправ|устран|подключ|отключ|замен|достав|верн',
  'компенс|оформ|активир|разблокир|сним|спиш|перевед|закреп|зарезерв|дад|предостав|увелич|сниз|уменьш',
  'отмен|ускор|реш|подар|выда|перенес|запиш|направ|организ|пересчита|обнов|повыс|удво|удал|закро',
  'приостанов|заморо|подар|напиш|сообщ|уведом|напомн|позвон',
]);
const ACTION_VERBS_EN = alternatives([
  'extend|credit|refund|send|give|waive|upgrade|add|activate|apply|arrange|schedule|book|reserve',
  'compensate|reimburse|cover|fix|replace|deliver|unlock|cancel|reduce|lower|increase|boost|speed|double',
  'provide|offer|grant|transfer|process|escalate|resolve|restore|reconnect|switch|change|update|remove',
  'drop|delete|close|terminate|pause|freeze|suspend|stop|hold|text|email|message|notify|call|ring|remind',
  'post|mail|ship|courier',
]);
/** «будет начислено», «уже отправлен»: what is said to be done, in the passive. */
const DONE_RU = alternatives([
  'начислен|зачислен|предоставлен|возвращен|компенсирован|продлен|отправлен|подключен|оформлен',
  'активирован|списан|снят|отменен|одобрен|согласован',
]);
/** After "we" or "I": "'ll", "will", "are going to", "would be happy to", "can". */
const WILL = alternatives([
  String.raw`'ll|\s+will|\s+are\s+going\s+to|'re\s+going\s+to|'ve|\s+have|\s+can|\s+could`,
  String.raw`\s+would\s+be\s+happy\s+to|\s+shall`,
]);
const DONE_EN = 'credited|refunded|waived|extended|upgraded|reimbursed|compensated|approved|applied|activated';

const PATTERNS: ReadonlyArray<{ readonly kind: CommitmentKind; readonly pattern: string }> = [
  {
    kind: 'compensation',
    pattern: alternatives([
      String.raw`компенс\p{L}*|возмещ\p{L}*|перерасч\p{L}*|пересчит\p{L}*`,
      String.raw`recalculat\p{L}*|pro-?rat\p{L}*|compensat\p{L}*|reimburs\p{L}*|make\s+(?:it\s+)?up\s+(?:to|for)\s+you`,
    ]),
  },
  {
    kind: 'refund',
    pattern: alternatives([
      String.raw`верн(?:ем|ут|ет|ется|утся|уть)|возвра(?:щ(?:ается|аются|аем|ен\p{L}*|у)|тим|тят)`,
      String.raw`refund\p{L}*|money\s+back|(?:return|give\s+back)\s+(?:the\s+|your\s+)?(?:money|payment|funds)`,
    ]),
  },
  {
    kind: 'discount',
    pattern: alternatives([
      String.raw`скидк\p{L}*|дисконт\p{L}*|уценк\p{L}*|дешевле`,
      String.raw`discount\p{L}*|(?<!\d)\d+\s*%\s+off|cheaper|reduced\s+(?:price|rate|fee)`,
    ]),
  },
  {
    kind: 'free',
    pattern: alternatives([
      String.raw`бесплатн\p{L}*|даром|в\s+подарок|подар\p{L}*|дарим`,
      String.raw`free(?:\s+of\s+charge)?|no\s+charge|at\s+no\s+(?:extra\s+|additional\s+)?cost|complimentary|on\s+us`,
      String.raw`without\s+(?:any\s+)?charge`,
    ]),
  },
  {
    kind: 'bonus',
    pattern: alternatives([
      String.raw`бонус\p{L}*|начисл\p{L}*|балл(?:ы|ов|ами)?|кэшб[эе]к\p{L}*`,
      String.raw`bonus\p{L}*|cashback|(?:credit|add)(?:ed)?\s+(?:\p{L}+\s+){0,3}?to\s+your\s+(?:account|balance)`,
    ]),
  },
  {
    kind: 'callback',
    pattern: alternatives([
      String.raw`перезвон\p{L}*|позвон(?:им|ит|ят|ю)(?!\p{L})|звон(?:ит|ят|им)(?!\p{L})|свяж(?:емся|ется|утся|усь)`,
      String.raw`call\s+you(?:\s+back)?|ring\s+you|phone\s+you|contact\s+you|reach\s+out\s+to\s+you`,
      String.raw`get\s+back\s+to\s+you`,
    ]),
  },
  {
    kind: 'visit',
    pattern: alternatives([
      String.raw`приед(?:ет|ут|ем)|выед(?:ет|ут)|приезжа\p{L}*`,
      String.raw`(?:technician|engineer|specialist|someone|master)\s+(?:will|'ll|can|would)` +
        String.raw`\s+(?:come|visit|stop\s+by|be\s+there)`,
      String.raw`visit\s+you|send\s+(?:a|an|our)\s+(?:technician|engineer)`,
    ]),
  },
  {
    kind: 'guarantee',
    pattern: String.raw`гарант\p{L}*|обеща(?:ем|ю)(?!\p{L})|ручаемся|guarantee\p{L}*|(?:we|i)\s+promise|promise\s+you`,
  },
  {
    kind: 'action',
    pattern: alternatives([
      String.raw`(?:${ACTION_VERBS_RU})\p{L}*(?:им|ем)\s+(?:вам|вас|ваш)`,
      String.raw`(?:мы|я)\s+(?:\p{L}+\s+){0,2}?(?:${ACTION_VERBS_RU})\p{L}*(?:им|ем|ём|ю|у|ем)(?!\p{L})`,
      String.raw`(?:будет|будут|уже)\s+(?:\p{L}+\s+){0,1}?(?:${DONE_RU})\p{L}*`,
      String.raw`(?:we|i)(?:${WILL})\s+(?:\p{L}+\s+){0,2}?(?:${ACTION_VERBS_EN})\p{L}*`,
      String.raw`(?:will\s+be|has\s+been|have\s+been|is\s+being)\s+(?:${DONE_EN})`,
    ]),
  },
];

const MONEY = alternation([
  'деньг|денеж|сумм|средств|оплат|плат[аеуы]|остат|баланс|стоимост|₽|руб',
  'money|payment|fee|charge|balance|amount|cost|price|rub|refund',
]);
const CLAUSE_CUT = /[.;:!?,—–]/gu;

/**
 * The clauses of a text, cut at sentence punctuation, commas and dashes: `speaksOfMoney(position)` says whether the
 * clause a position is in names money. The cuts are found once and searched, and each clause is read once, not
 * again for every promise in it.
 */
function clausesOf(text: string): (position: number) => boolean {
  const cuts = [...text.matchAll(CLAUSE_CUT)].map((match) => match.index);
  const money = new Map<number, boolean>();
  return (position) => {
    // The first cut at or after the position (binary search); the clause starts after the cut before it.
    let low = 0;
    let high = cuts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cuts[middle] ?? 0) < position) low = middle + 1;
      else high = middle;
    }
    let found = money.get(low);
    if (found === undefined) {
      const start = low === 0 ? 0 : (cuts[low - 1] ?? -1) + 1;
      found = MONEY.test(text.slice(start, cuts[low] ?? text.length));
      money.set(low, found);
    }
    return found;
  };
}

/** A negation in the two words before a promise word. */
const NEGATION =
  /(?:^|[\s(])(?:не|нельзя|нет|без|not|no|never|isn't|aren't|won't|cannot|can't|don't|doesn't)(?:\s+\S+)?\s+$/u;

const COMPILED = PATTERNS.map(({ kind, pattern }) => ({
  kind,
  regex: new RegExp(`(?<![\\p{L}])(?:${pattern})`, 'gu'),
}));

/** Every commitment phrase in `text`, in order (overlapping phrases of different kinds are all kept). */
export function commitmentsOf(text: string): Commitment[] {
  const lowered = text.toLowerCase().replace(/ё/g, 'е').replace(/[’`]/g, "'");
  const found: Commitment[] = [];
  let speaksOfMoney: ((position: number) => boolean) | undefined;
  for (const { kind, regex } of COMPILED) {
    for (const match of lowered.matchAll(regex)) {
      // «Услуги вернутся», «возврат роутера»: giving back is a refund only where money is what comes back.
      if (
        kind === 'refund' &&
        !/^(?:верн[её]м|возвратим)/u.test(match[0]) &&
        !(speaksOfMoney ??= clausesOf(lowered))(match.index)
      )
        continue;
      const negated =
        NEGATION.test(lowered.slice(Math.max(0, match.index - 24), match.index)) ||
        /(?:won't|will\s+not|cannot|can't|не\s+)/u.test(match[0]);
      const personal = kind === 'action' && /^(?:я|i)(?![\p{L}'])/u.test(match[0]);
      found.push({
        kind,
        text: text.slice(match.index, match.index + match[0].length),
        start: match.index,
        end: match.index + match[0].length,
        negated,
        personal,
      });
    }
  }
  return found.sort((left, right) => left.start - right.start);
}
