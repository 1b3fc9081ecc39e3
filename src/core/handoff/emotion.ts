// Emotion in a customer message (RU/EN): anger, frustration or distress with an intensity in [0, 1],
// from wording, profanity and insults, threats to leave or complain, repeated contact, capitals and
// repeated punctuation. Each signal is kept for the agent's view. Runtime: any.
import { normalize } from '../text/normalize.ts';
import { alternation, alternatives } from '../text/pattern.ts';
import { disambiguate } from '../text/word-senses.ts';
import { negativeTone, TONE_MODEL, TONE_WEIGHTS } from './tone.ts';
import { rememberLast } from '../util/remember-last.ts';

export type EmotionLabel = 'anger' | 'frustration' | 'distress' | 'neutral';

export interface Emotion {
  readonly label: EmotionLabel;
  /** Strength in [0, 1]: 0 calm, ≥ 0.55 strong enough to hand off by default. */
  readonly intensity: number;
  /** Names of the signals found, e.g. `profanity`, `repeated-contact`, `caps`. */
  readonly signals: readonly string[];
}

interface Signal {
  readonly name: string;
  readonly label: Exclude<EmotionLabel, 'neutral'>;
  readonly weight: number;
  readonly pattern: RegExp;
}

const W = '(?<!\\p{L})';
const words = (stems: readonly string[]) => new RegExp(`${W}(?:${alternatives(stems)})`, 'u');

// The wordings of each signal, stems matched at word starts.
const PROFANITY = [
  'ху[йеияю]|пизд|бля|х[еу]р(?:ня|ни|ов)|хрен|нахрен|ебa?[тн]|ебу|ебл|заеб',
  'заёб|доеб|выеб|уеб|сука|суки|сучк|мудак|мудил|говн|дерьм|охуе|нахуй',
  'fuck|shit|bullshit|wtf|asshole|bastard|bitch|damn it|goddamn|bloody hell|what the hell|the hell|crap',
];
const INSULT = [
  String.raw`идиот|дебил|туп(?:ые|ой|ая|иц|ость)|кретин|дурак|дураки|урод|козл|твар[ьи]|сволоч`,
  String.raw`мошенник|жулик|ворюг|воры|обманщик|бездар|некомпетентн|клоун|позорищ|шарашк|помойк`,
  String.raw`idiot|moron|stupid|incompetent|useless|clowns|scammer|scam\b|thieves|liars|pathetic`,
  String.raw`joke of a|garbage company|rubbish|worst (?:company|provider|service|isp)|you people`,
  String.raw`жулье|разводилов|худш\p{L}* (?:провайдер|компани|сервис|обслуживани)`,
  String.raw`ужасн\p{L}* (?:провайдер|компани|сервис|обслуживани)`,
  String.raw`отвратительн\p{L}* (?:провайдер|компани|сервис|обслуживани)`,
];
const OUTRAGE = [
  'издевательств|издеваетесь|охренел|офигел|обалдел|обнаглел|в бешенстве|беспредел',
  'outrageous|disgusting|unacceptable|furious|livid|this is a joke',
];
const ANGER_WORDS = [
  String.raw`бесит|бесят|взбеш|возмущ|возмутительн|достал[иоа]|задолбал|надоел|безобраз|беспредел|отвратит`,
  String.raw`издевательств|издеваетесь|наглост|обнаглел|хамств|хамл|ненавиж|злюсь|в бешенстве|ярост`,
  String.raw`furious|angry|outrag|ridiculous|unacceptable|disgust|fed up|sick of`,
  String.raw`sick and tired|infuriat|pissed|livid|absurd|hate you|hate this|terrible service`,
  String.raw`horrible|awful service|unbelievable|enough is enough|seriously\?`,
  String.raw`невероятно|немыслимо|сколько можно терпеть|достали уже`,
];
const THREAT_TO_LEAVE = [
  'уйду (?:к|от)|ухожу (?:к|от)|перейду к (?:другому|конкурент)|сменю провайдер|найду другого|расторгну',
  'расторгаю|откажусь от ваших|отказываюсь от ваших|ноги моей|больше не буду (?:платить|пользоваться)',
  'switch(?:ing)? (?:to another |)provider|take my business elsewhere|going to a competitor',
  'leave you|leaving you|done with you|never again|last straw|cancel(?:ling)? everything',
];
const THREAT_TO_COMPLAIN = [
  String.raw`жалоб|пожалуюсь|роскомнадзор|роспотребнадзор|ркн`,
  String.raw`(?:напишу|оставлю) (?:\p{L}+ )?отзыв|напишу везде|в соцсет`,
  String.raw`file a complaint|complain(?:ing)? to|report you|regulator|bad review|negative review|one[- ]star`,
  String.raw`1[- ]star|tell everyone|post(?:ing)? (?:about|this)|twitter|facebook|forums?|all over the internet`,
  String.raw`пост в|в интернете напишу|на весь интернет|в отзывах`,
];
/** «второй», «5-й», «в который», «не первый»: which time, before «раз». */
const NTH = [
  String.raw`второй|третий|четв[её]ртый|пятый|\d+[- ]?(?:[йи]|ый|ий)?`,
  String.raw`в который|в очередной|не первый|десятый|сотый`,
];
/**
 * Before a leading `\d+`: start at a run of digits (or at its second digit when a letter precedes the run, which
 * `(?<!\p{L})` alone would also allow), not at every digit of it — the same matches, in linear time on long numbers.
 */
const D = String.raw`(?:(?<!\d)|(?<=\p{L}\d))`;
const REPEATED_CONTACT = [
  String.raw`(?:пишу|звоню|обращаюсь|жалуюсь)\s+(?:уже\s+|вам\s+)*(?:${alternatives(NTH)})\s+раз`,
  String.raw`в который раз|в очередной раз|сколько (?:можно|раз)`,
  String.raw`уже (?:неделю|месяц|\d+ (?:дн|недел|час))|до сих пор (?:не|нет)`,
  String.raw`(?:second|third|fourth|fifth|tenth|${D}\d+(?:st|nd|rd|th)) time|again and again|yet again`,
  String.raw`(?:second|third|fourth|fifth|${D}\d+(?:st|nd|rd|th)) (?:time|message|request)`,
  String.raw`keep (?:calling|writing|contacting|asking)|how many (?:more )?times|for (?:days|weeks) now`,
];
const ONGOING_PROBLEM = [
  String.raw`(?:второй|третий|четв[её]ртый|пятый|${D}\d+)\s+(?:день|дня|дней|неделю|недели|недель)\s+(?:без|нет|не\s)`,
  String.raw`одно и то же|каждый (?:день|раз) (?:одно|то же|опять)`,
  String.raw`(?:a|one|two|three|${D}\d+|another)\s+(?:days?|weeks?)\s+(?:without|with no)`,
  String.raw`same (?:copy-paste|answer) again|again\b`,
];
const DESPAIR = [
  'отчаян|не могу больше|больше не могу|нет сил|плачу|реву|рыдаю|в слезах',
  'не знаю,? что (?:мне )?делать|паникую|в панике|в шоке|беда|катастроф',
  "desperate|can'?t take (?:it|this)|crying|in tears|panic|at my wits",
  "breaking down|nightmare|don'?t know what (?:else )?to do|can'?t cope",
];
const FEAR = ['страшно|боюсь|тревож|переживаю|напуган', 'scared|afraid|worried sick|anxious|terrified'];
const URGENCY = ['срочно|немедленно', 'urgent|asap|right now|immediately'];
const SADNESS = [
  String.raw`грустно|печаль|тоск|обидно|расстро|разочарова`,
  String.raw`sad\b|upset|disappointed|heartbroken`,
];
const SORROW = [
  String.raw`груст|печал|тоск|слез|слёз|плак|плач|поплак|расплак|рыда|разревел|реву`,
  String.raw`к сожалению|разочаров|скучать|жизнь боль|горюю|скорб|траур|одиноч|одинок|депресс`,
  String.raw`жалко|жаль|скучаю|соскучил|разбит\p{L}* сердц|потерял|утрат|больно|безнадеж|обреч`,
  String.raw`sad|sorrow|grief|griev|mourn|tears|cry|lonely|depress|heartbreak|miserable|hopeless`,
];
const FRIGHT = [
  'страх|страш|боюсь|боишься|боится|боятся|боял|бояться|побаива|опаса|волнуюсь|волнуется',
  'волнуешься|испуг|испуга|пуга|ужас|жутк|тревог|тревож|паникую|в панике|кошмар',
  'dread|fear|afraid|scary|scared|terrif|horror|panick|frighten',
];
const IRRITATION = [
  String.raw`зл(?:ой|ая|ое|ые|ую|юсь|ится|ишь|ился|илась|ит|о(?:[\s!.,]|$))|злост|злоб(?!одн)|гнев|звере(?:ю|ет)`,
  String.raw`отвращен|ярост|бешен|бесит|бесят|ненавист|ненавиж|возмущ|раздраж|обид|взбес|разозл|негодов|вражд`,
  String.raw`angry|anger|rage|furious|hate|annoy|irritat|resent|outrage|mad at`,
];
/** «:(», «:-(», «((», a lone «(» at the end, «:с», and sad-face emoji. */
const SAD_EMOTICON = [
  String.raw`(?::|;|=)-?['’]?\(|\({2,}|(?<![\p{L}\p{N}])\(\s*$|:с(?!\p{L})`,
  String.raw`[\u{2639}\u{1F61E}\u{1F614}\u{1F622}\u{1F62D}\u{1F641}\u{1F625}\u{1F62A}\u{1F613}]`,
];
const ANNOYANCE = ['раздража|неудобно|неприятно', 'annoying|annoyed|frustrat|inconvenient|irritat'];

const SIGNALS: readonly Signal[] = [
  { name: 'profanity', label: 'anger', weight: 0.6, pattern: words(PROFANITY) },
  { name: 'insult', label: 'anger', weight: 0.6, pattern: words(INSULT) },
  { name: 'outrage', label: 'anger', weight: 0.6, pattern: words(OUTRAGE) },
  { name: 'anger-words', label: 'anger', weight: 0.4, pattern: words(ANGER_WORDS) },
  { name: 'threat-to-leave', label: 'anger', weight: 0.6, pattern: words(THREAT_TO_LEAVE) },
  { name: 'threat-to-complain', label: 'frustration', weight: 0.6, pattern: words(THREAT_TO_COMPLAIN) },
  { name: 'repeated-contact', label: 'frustration', weight: 0.6, pattern: words(REPEATED_CONTACT) },
  { name: 'ongoing-problem', label: 'frustration', weight: 0.35, pattern: words(ONGOING_PROBLEM) },
  { name: 'despair', label: 'distress', weight: 0.6, pattern: words(DESPAIR) },
  { name: 'fear', label: 'distress', weight: 0.35, pattern: words(FEAR) },
  { name: 'urgency', label: 'distress', weight: 0.25, pattern: words(URGENCY) },
  { name: 'sadness', label: 'distress', weight: 0.25, pattern: words(SADNESS) },
  // General emotion vocabulary (news, social posts): low weights, so alone it never hands a conversation off.
  // Words for feelings, not for events: a reported death, accident or threat is a topic, not the writer's emotion.
  { name: 'sorrow', label: 'distress', weight: 0.2, pattern: words(SORROW) },
  { name: 'fright', label: 'distress', weight: 0.2, pattern: words(FRIGHT) },
  { name: 'irritation', label: 'anger', weight: 0.2, pattern: words(IRRITATION) },
  { name: 'sad-emoticon', label: 'distress', weight: 0.2, pattern: alternation(SAD_EMOTICON, 'u') },
  { name: 'annoyance', label: 'frustration', weight: 0.2, pattern: words(ANNOYANCE) },
];

/** Lexicon intensity that stands whatever the tone model says. */
const STRONG = 0.55;
/** Below this P(negative tone), weaker lexicon signals are taken for words, not feelings. */
export const TONE_VETO = TONE_WEIGHTS.veto;

/** General feeling words, which the tone model may overrule; how a message is written (capitals, "!!!") it may not. */
const VOCABULARY_SIGNALS: ReadonlySet<string> = new Set([
  'sorrow',
  'fright',
  'irritation',
  'sad-emoticon',
  'annoyance',
  'sadness',
  'fear',
  'anger-words',
  'ongoing-problem',
]);

/** True when every signal found is general feeling vocabulary. */
export function vetoable(found: ReadonlyArray<{ name: string }>): boolean {
  return found.every((signal) => VOCABULARY_SIGNALS.has(signal.name));
}

function strongestLabel(found: ReadonlyArray<{ label: Signal['label']; weight: number }>): Signal['label'] | undefined {
  const byLabel = new Map<Signal['label'], number>();
  for (const signal of found) byLabel.set(signal.label, (byLabel.get(signal.label) ?? 0) + signal.weight);
  return [...byLabel.entries()].sort((left, right) => right[1] - left[1])[0]?.[0];
}

const sum = (values: readonly number[]) => 1 - values.reduce((product, value) => product * (1 - value), 1);

/** Detects emotion in one message; `previousContacts` (earlier customer messages) adds a repeat-contact signal. */
/**
 * One word in capitals that reads as a raised voice («СРОЧНО», "NEVER"), not an abbreviation: five letters
 * or more with at least two vowels, so ГИБДД, СССР, NATO or HDMI do not count.
 */
function shoutedWord(text: string): boolean {
  const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length > (text.match(/\p{Script=Latin}/gu) ?? []).length;
  for (const word of text.match(/(?<!\p{L})\p{Lu}{5,}(?!\p{L})/gu) ?? []) {
    // A Latin word in capitals inside a Russian message is a name or a label (KOMETA, SYSTEM), not a raised voice.
    if (cyrillic && !/\p{Script=Cyrillic}/u.test(word)) continue;
    if ((word.match(/[AEIOUYАЕЁИОУЫЭЮЯ]/gu) ?? []).length >= 2 && !/^(?:IPTV|HDMI|WI-?FI|DHCP)$/u.test(word))
      return true;
  }
  return false;
}

export interface EmotionOptions {
  /** Read the tone model too (default); off when training it. */
  readonly tone?: boolean | undefined;
}

/** The emotion in a message (signals, label, intensity); asked several times per reply, computed once. */
export function detectEmotion(raw: string, options: EmotionOptions = {}): Emotion {
  return options.tone === false ? emotionOf(raw, options) : emotionWithTone(raw);
}

const emotionWithTone = rememberLast((raw: string) => emotionOf(raw, {}));

function emotionOf(raw: string, options: EmotionOptions): Emotion {
  const text = disambiguate(raw);
  const normalized = normalize(text);
  const found: Array<{ name: string; label: Signal['label']; weight: number }> = [];
  for (const signal of SIGNALS) if (signal.pattern.test(normalized)) found.push(signal);

  const letters = text.match(/\p{L}/gu) ?? [];
  const capitals = text.match(/\p{Lu}/gu) ?? [];
  const shouting =
    /(?<!\p{L})\p{Lu}{2,}(?:[\s,!?.]+\p{Lu}{2,}){1,}(?!\p{L})/u.exec(text)?.[0].replace(/[^\p{L}]/gu, '').length ?? 0;
  const allCaps = letters.length >= 8 && capitals.length / letters.length >= 0.6;
  if (allCaps || shouting >= 7)
    found.push({ name: 'caps', label: 'anger', weight: allCaps && letters.length >= 20 ? 0.55 : 0.35 });
  else if (shoutedWord(text)) found.push({ name: 'caps-word', label: 'anger', weight: 0.3 });
  const exclamations = Math.max(0, ...(text.match(/!{2,}/g) ?? []).map((run) => run.length));
  if (exclamations >= 3) found.push({ name: 'exclamations', label: 'anger', weight: 0.3 });
  else if (exclamations === 2) found.push({ name: 'exclamations', label: 'anger', weight: 0.15 });
  // Runs of «?» and «!» with two «?» or more; /[?!]*\?[?!]*\?[?!]*/g, which backtracks quadratically on «!!!…».
  const questionRuns = (text.match(/[?!]+/g) ?? []).filter((run) => run.indexOf('?') !== run.lastIndexOf('?'));
  const longestRun = Math.max(0, ...questionRuns.map((run) => run.length));
  if (questionRuns.length >= 3 || longestRun >= 5)
    found.push({ name: 'repeated-question-marks', label: 'frustration', weight: 0.45 });
  else if (questionRuns.length > 0) found.push({ name: 'repeated-question-marks', label: 'frustration', weight: 0.15 });
  if (/(?<!\p{L})(?:hello|алло|ау|эй|hey)\s*\?{2,}/iu.test(text))
    found.push({ name: 'calling-out', label: 'frustration', weight: 0.3 });

  const lexical = sum(found.map((signal) => signal.weight));
  if (options.tone !== false) {
    // The tone model confirms or overrules the weak lexicon signals; strong ones (insults, threats) stand.
    const tone = negativeTone(
      text,
      found.map((signal) => signal.name),
    );
    if (tone >= TONE_MODEL.threshold)
      found.push({ name: 'negative-tone', label: strongestLabel(found) ?? 'distress', weight: 0.2 });
    else if (lexical < STRONG && tone < TONE_VETO && vetoable(found))
      return { label: 'neutral', intensity: 0, signals: found.map((signal) => signal.name) };
  }
  const intensity = Math.round(sum(found.map((signal) => signal.weight)) * 1000) / 1000;
  if (found.length === 0 || intensity < 0.15)
    return { label: 'neutral', intensity, signals: found.map((signal) => signal.name) };
  const byLabel = new Map<Signal['label'], number>();
  for (const signal of found) byLabel.set(signal.label, (byLabel.get(signal.label) ?? 0) + signal.weight);
  const label = [...byLabel.entries()].sort((left, right) => right[1] - left[1])[0]?.[0] ?? 'frustration';
  return { label, intensity, signals: found.map((signal) => signal.name) };
}
