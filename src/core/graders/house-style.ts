// Grades a support reply against the house style, per criterion, in Russian and English: greeting on the
// first reply, acknowledgement, empathy when the customer is upset, apology when warranted but not
// repeated, no rudeness, formal «Вы», clear structure, thanks and an offer of more help. Runtime: any.
import { normalize } from '../text/normalize.ts';
import type { Lang } from '../text/lang.ts';
import { alternatives } from '../text/pattern.ts';
import { politeness } from './politeness.ts';

export interface CriterionResult {
  readonly score: number;
  readonly pass: boolean;
  readonly reason: string;
}

export interface HouseStyleGrade {
  readonly score: number;
  readonly pass: boolean;
  readonly criteria: Readonly<Record<string, CriterionResult>>;
  readonly reason: string;
}

export interface HouseStyleContext {
  readonly lang: Lang;
  readonly firstReply: boolean;
  readonly action: 'answer' | 'clarify' | 'handoff';
  /** The customer reported a fault or is upset. */
  readonly customerUpset: boolean;
  readonly customerReportsProblem: boolean;
}

const GREETING_WORDS = [
  String.raw`здравствуйте|добрый\s+(?:день|вечер)|доброе\s+утро|приветствую`,
  String.raw`hello|hi|hey|good\s+(?:morning|afternoon|evening)`,
];
const GREETING = new RegExp(String.raw`^(?:\s*)(?:${alternatives(GREETING_WORDS)})(?![\p{L}])`, 'u');
const ACKNOWLEDGE_WORDS = [
  String.raw`понимаю|спасибо,?\s+что|давайте|извин|сожалею|sorry|подскажу|сейчас\s+(?:всё\s+)?объясню`,
  String.raw`хороший\s+вопрос|конечно`,
  String.raw`i\s+understand|thanks\s+for\s+(?:getting|reaching|contacting|your)|let'?s\s+(?:sort|fix|look)`,
  String.raw`here'?s\s+(?:what|how)|good\s+question|of\s+course|sure`,
];
const ACKNOWLEDGE = new RegExp(String.raw`(?<!\p{L})(?:${alternatives(ACKNOWLEDGE_WORDS)})(?!\p{L})`, 'u');
const EMPATHY_WORDS = [
  String.raw`понимаю,?\s+как|сожалею|мне\s+(?:очень\s+)?жаль|понимаю\s+ваш|неприятно`,
  String.raw`i\s+understand\s+how|i'?m\s+(?:really\s+|so\s+)?sorry|sorry\s+(?:about|this|to\s+hear)`,
  String.raw`frustrating|upsetting`,
];
const EMPATHY = new RegExp(String.raw`(?<!\p{L})(?:${alternatives(EMPATHY_WORDS)})(?!\p{L})`, 'u');
const APOLOGY = /(?<!\p{L})(?:извин|прошу\s+прощения|сожалею|мне\s+(?:очень\s+)?жаль|sorry|apolog)/gu;
const INFORMAL_YOU = /(?<!\p{L})(?:ты|тебя|тебе|тобой|твой|твоя|твое|твоё|твои|твоих)(?!\p{L})/u;
const FORMAL_YOU = /(?<!\p{L})(?:вы|вас|вам|вами|ваш|ваша|ваше|ваши|ваших)(?!\p{L})/u;
const THANKS = /(?<!\p{L})(?:спасибо|благодар|thank|thanks)(?!\p{L})/u;
const OFFER_WORDS = [
  String.raw`пишите|напишите|обращайтесь|рад\p{L}*\s+помочь|помогу|на\s+связи`,
  String.raw`если\s+(?:нужно|понадобится|появятся|останется)`,
  String.raw`let\s+me\s+know|happy\s+to\s+help|glad\s+to\s+help|just\s+write|anything\s+else|write\s+and|feel\s+free`,
];
const OFFER = new RegExp(String.raw`(?<!\p{L})(?:${alternatives(OFFER_WORDS)})(?!\p{L})`, 'u');
const SEND_AWAY_WORDS = [
  String.raw`поищите\s+сами|ищите\s+сами|погуглите|найдите\s+сами`,
  String.raw`search\s+(?:for\s+it\s+)?yourself|google\s+it|look\s+it\s+up`,
];
const SEND_AWAY = new RegExp(String.raw`(?<!\p{L})(?:${alternatives(SEND_AWAY_WORDS)})(?!\p{L})`, 'u');

function criterion(pass: boolean, reason: string, score = pass ? 1 : 0): CriterionResult {
  return { score, pass, reason };
}

/** Grades one bot reply. Criteria that do not apply (e.g. greeting on a later reply) are left out. */
export function gradeHouseStyle(reply: string, context: HouseStyleContext): HouseStyleGrade {
  const text = normalize(reply);
  const criteria: Record<string, CriterionResult> = {};
  if (context.firstReply)
    criteria.greeting = criterion(
      GREETING.test(text),
      GREETING.test(text) ? 'greets the customer' : 'the first reply does not greet',
    );
  if (context.action === 'answer')
    criteria.acknowledgement = criterion(
      ACKNOWLEDGE.test(text) || EMPATHY.test(text),
      ACKNOWLEDGE.test(text) || EMPATHY.test(text)
        ? 'acknowledges the question'
        : 'goes straight to facts without acknowledging the customer',
    );
  if (context.customerUpset)
    criteria.empathy = criterion(
      EMPATHY.test(text),
      EMPATHY.test(text) ? 'shows empathy' : 'the customer is upset but the reply shows no empathy',
    );
  const apologies = text.match(APOLOGY)?.length ?? 0;
  if (apologies > 1) criteria.apology = criterion(false, `apologises ${apologies} times: over-apologising`, 0.3);
  else if (context.customerReportsProblem && context.action === 'answer')
    criteria.apology = criterion(
      apologies === 1 || EMPATHY.test(text),
      apologies === 1
        ? 'apologises once for the trouble'
        : 'something went wrong for the customer but there is no apology',
    );
  const tone = politeness(reply);
  const rude =
    (tone.features.profanity ?? 0) +
      (tone.features.insult ?? 0) +
      (tone.features.condescension ?? 0) +
      (tone.features.shouting ?? 0) >
      0 || SEND_AWAY.test(text);
  criteria.respect = criterion(
    !rude,
    rude
      ? `rude or dismissive wording (${Object.keys(tone.features).join(', ') || 'sends the customer away'})`
      : 'no blame, condescension or rudeness',
  );
  if (context.lang === 'ru') {
    const informal = INFORMAL_YOU.test(text);
    const formal = /(?<!\p{L})(?:Вы|Вас|Вам|Вами|Ваш\p{L}*)(?!\p{L})/u.test(reply) || !FORMAL_YOU.test(text);
    criteria.formalYou = criterion(
      !informal && formal,
      informal ? 'addresses the customer with «ты»' : formal ? 'formal «Вы»' : '«вы» is not capitalised',
    );
  }
  if (context.action === 'answer') {
    const steps = reply.split('\n').filter((line) => /^\s*(?:\d+[.)]|[-*•])\s+/.test(line)).length;
    const sentences = reply.split(/(?<=[.!?])\s+/).length;
    const structured = steps >= 2 || sentences <= 6 || reply.includes('\n\n');
    criteria.structure = criterion(
      structured,
      structured
        ? steps >= 2
          ? 'steps as a list'
          : 'short and readable'
        : 'a long block of text without steps or paragraphs',
    );
    const closes = THANKS.test(text) && OFFER.test(text);
    criteria.closing = criterion(
      closes,
      closes
        ? 'thanks the customer and offers more help'
        : THANKS.test(text)
          ? 'thanks but offers no further help'
          : 'no thanks and no offer of further help',
      THANKS.test(text) || OFFER.test(text) ? (closes ? 1 : 0.5) : 0,
    );
  }
  const entries = Object.entries(criteria);
  const score = rude ? 0 : entries.reduce((sum, [, result]) => sum + result.score, 0) / Math.max(1, entries.length);
  const failed = entries.filter(([, result]) => !result.pass).map(([name, result]) => `${name}: ${result.reason}`);
  return {
    score,
    pass: !rude && score >= 0.75,
    criteria,
    reason: failed.length === 0 ? 'meets the house style' : failed.join('; '),
  };
}
