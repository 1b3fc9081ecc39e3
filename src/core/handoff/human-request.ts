// Detects a request to talk to a person (RU/EN), also inside a longer message; mere mentions of staff do not count. Runtime: any.
import { anyOf } from '../text/any-of.ts';
import { normalize } from '../text/normalize.ts';

const RU_PERSON = '(?:оператор\\p{L}*|человек\\p{L}*|люд\\p{L}*|специалист\\p{L}*|менеджер\\p{L}*|сотрудник\\p{L}*|консультант\\p{L}*|агент\\p{L}*|живо\\p{L}*|поддержк\\p{L}*|техподдержк\\p{L}*|саппорт\\p{L}*|кого[- ]нибудь|кого[- ]то)';
const EN_PERSON = "(?:a |an |the |your |some |real |live |actual |support |customer |tech )*(?:human|person|people|agent|operator|representative|rep|someone|somebody|staff|supervisor|manager|specialist|technician|engineer|support team|customer service)";

const PATTERNS: readonly RegExp[] = [
  // «позовите / соедините / переключите / дайте / нужен / хочу … оператора»
  new RegExp(`(?<!\\p{L})(?:позов\\p{L}*|зов\\p{L}*|соедин\\p{L}*|свяж\\p{L}*|переключ\\p{L}*|перевед\\p{L}*|передай\\p{L}*|передайте|дай\\p{L}*|нуж\\p{L}*|хочу|хотим|хотел\\p{L}*|требую|прошу|можно|пригласите|подключите)(?:[^.!?]{0,40}?)(?<!\\p{L})(?:с\\s+|со\\s+|на\\s+)?${RU_PERSON}`, 'u'),
  // «поговорить / связаться / пообщаться с человеком»
  new RegExp(`(?<!\\p{L})(?:поговорить|говорить|связаться|пообщаться|общаться|переписываться|разговаривать)\\s+(?:с\\s+|со\\s+)(?:\\p{L}+\\s+){0,2}${RU_PERSON}`, 'u'),
  /(?<!\p{L})(?:живой|живого|живым|реальн\p{L}*)\s+(?:человек|оператор|сотрудник|специалист)\p{L}*/u,
  /(?<!\p{L})(?:не\s+(?:с\s+)?бот\p{L}*|хватит\s+бот\p{L}*|бот\p{L}*\s+не\s+нуж\p{L}*|надоел\p{L}*\s+бот|с\s+ботом\s+не\s+хочу)/u,
  /^(?:оператор|человек|специалист|менеджер)\p{L}*[!?.\s]*$/u,
  /(?<!\p{L})(?:pozovite|soedinite|dajte|dayte|pozvat|pogovorit|svyazhite|pereklyuchite)\s+(?:s\s+)?(?:operator\p{L}*|chelovek\p{L}*|specialist\p{L}*|menedzher\p{L}*)/u,
  /(?<!\p{L})(?:s|so)\s+(?:operatorom|chelovekom|specialistom|menedzherom)/u,
  /(?<!\p{L})(?:anyone|anybody|someone|somebody)\s+(?:real|human|alive)\s*(?:there|here)?/u,
  /(?<!\p{L})(?:with|to)\s+(?:a\s+)?(?:real\s+|live\s+|actual\s+)?(?:person|human being|human)(?!\p{L})/u,
  /(?<!\p{L})put\s+me\s+through/u,
  /(?<!\p{L})есть\s+(?:тут\s+|здесь\s+)?(?:кто|кто-нибудь|кто-то)\s+(?:живой|живые)|есть\s+(?:тут\s+|здесь\s+)?(?:живые\s+)?люди/u,
  /^(?:i\s+)?need\s+(?:a\s+|an\s+)?(?:live\s+|real\s+)?(?:rep|agent|human|person|operator)/u,
  new RegExp(`(?<!\\p{L})(?:talk|speak|chat|connect|transfer|put|escalate|get|give|need|want|let|send|pass|forward)(?:[^.!?]{0,30}?)(?<!\\p{L})(?:to|with|me)\\s+${EN_PERSON}(?!\\p{L})`, 'u'),
  new RegExp(`(?<!\\p{L})(?:i need|i want|can i get|could i get|can i have|may i speak|i'd like|i would like|get me|give me|bring me)\\s+${EN_PERSON}(?!\\p{L})`, 'u'),
  /(?<!\p{L})(?:real|live|actual)\s+(?:person|human|agent|people)(?!\p{L})/u,
  /(?<!\p{L})(?:human|agent|operator|representative|person)\s*(?:please|pls|plz|now|!)/u,
  /(?<!\p{L})(?:not|no more|stop)\s+(?:a\s+|the\s+|this\s+)?(?:bot|robot|machine|ai)(?!\p{L})/u,
  /(?<!\p{L})is\s+there\s+(?:a|any)\s+(?:human|person|real person|agent|operator)/u,
  /^(?:human|agent|operator|representative)[!?.\s]*$/u,
];

/** Phrases that mention staff without asking for them ("оператор сказал", "your agent was rude"). */
const MENTIONS: readonly RegExp[] = [
  /(?<!\p{L})(?:оператор|менеджер|сотрудник|специалист|мастер|агент)\p{L}*\s+(?:сказал|ответил|обещал|нагрубил|был|приходил|приехал|пришел|посоветовал|не\s+смог|не\s+помог|отключил)/u,
  /(?<!\p{L})(?:your|the|an?|that)\s+(?:agent|operator|representative|technician|manager|rep)\s+(?:was|said|told|promised|came|did|didn't|couldn't|hung)/u,
  /(?<!\p{L})(?:как|how)\s+(?:стать|become|to become)\s+/u,
  /(?<!\p{L})(?:позвонить|дозвониться|звонить|написать)\s+(?:\p{L}+\s+)?(?:оператор|в\s+поддержк|специалист)/u,
  /(?<!\p{L})(?:call|phone|ring|email|write to)\s+(?:your\s+|the\s+|an?\s+)?(?:support|operator|agent|helpline)/u,
  /(?<!\p{L})(?:друго\p{L}*|чужо\p{L}*|третье\p{L}*|каждо\p{L}*|одного|на\s+одного)\s+(?:человек|лиц)/u,
  /(?<!\p{L})(?:another|other|each|per|a third)\s+(?:person|people)/u,
  /(?<!\p{L})(?:часы\s+работы|график\s+работы|во\s+сколько\s+работают|what\s+hours|when\s+do\s+your)/u,
];

export interface HumanRequest {
  readonly matched: boolean;
  /** The words that triggered it, for the agent's view. */
  readonly evidence?: string | undefined;
}

/** True when the customer asks to be served by a person. */
/** All request patterns in one: most messages ask for nobody, and one scan says so. */
const ANY_PATTERN = anyOf(PATTERNS);

export function detectHumanRequest(text: string): HumanRequest {
  const normalized = normalize(text).replace(/\s+/g, ' ').trim();
  if (!ANY_PATTERN.test(normalized)) return { matched: false };
  for (const pattern of PATTERNS) {
    const match = pattern.exec(normalized);
    if (match === null) continue;
    const sentence = sentenceAround(normalized, match.index);
    if (MENTIONS.some((mention) => mention.test(sentence)) && !/(?<!\p{L})(?:позовите|соедините|переключите|дайте|talk to|speak to|speak with|connect me|transfer me)/u.test(sentence)) continue;
    return { matched: true, evidence: match[0].trim() };
  }
  return { matched: false };
}

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('.', index), text.lastIndexOf('!', index), text.lastIndexOf('?', index)) + 1;
  const ends = ['.', '!', '?'].map((mark) => text.indexOf(mark, index)).filter((position) => position !== -1);
  return text.slice(start, ends.length === 0 ? text.length : Math.min(...ends) + 1);
}
