// Does the customer report that something went wrong (so an apology is due)? RU and EN wording. Runtime: any.
import { normalize } from '../text/normalize.ts';
import { alternatives, sequence } from '../text/pattern.ts';

// `\b` is ASCII-only in JavaScript, so word starts are written as "not after a letter" (`(?<!\p{L})`).

/** After «не»: «не работает», «не приходит», «не могу», «не зачислили». */
const NOT_DOING_RU = [
  'работа|приход|приш|получа|могу|загружа|открыва|включа',
  'показыва|грузит|пуска|отвеча|ловит|видит|подключа|зачисл',
];
/** Something gone: «нет», «пропал», «отвалился», «упал»… */
const GONE_RU = [
  String.raw`нет|пропал\p{L}*|отвалил\p{L}*|сломал\p{L}*`,
  String.raw`слетел\p{L}*|исчез\p{L}*|упал\p{L}*`,
];
/** …and what is gone, a few words later: «интернет», «связь», «деньги», «код». */
const SERVICE_RU = ['интернет|инет|связ|сигнал|wi-?fi|вайфай|тв', 'деньг|баланс|код|смс'];
/** Faults named outright: «ошибка», «сбой», «тормозит», «списали дважды». */
const FAULT_RU = [
  'ошибк|сбо[йи]|глюч|завис|тормоз|лага|мига|красн|заблокир',
  String.raw`списал|дважды|сняли|обманул|не\s+дозвон|медленн`,
];
const NEGATION_EN = [
  String.raw`doesn'?t|does\s+not|don'?t|didn'?t|did\s+not|won'?t`,
  String.raw`isn'?t|is\s+not|can'?t|cannot|couldn'?t|not`,
];
const VERB_EN = ['work|come|arriv|load|connect|open|show', 'turn|get|receiv|log|sign|see|find'];
/** Faults named outright: "not working", "broken", "charged twice", "no internet". */
const FAULT_EN = [
  String.raw`not\s+working|broken|error|fail\p{L}*|crash\p{L}*|stuck|down|outage|lost|missing|dropp\p{L}*`,
  String.raw`slow|blinking|red\s+light|locked|blocked`,
  String.raw`charged\s+twice|double\s+charg\p{L}*|overcharg\p{L}*`,
  String.raw`no\s+(?:internet|signal|connection|wifi)`,
];

const PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`(?<!\p{L})не\s+(?:${alternatives(NOT_DOING_RU)})`, 'u'),
  sequence([
    String.raw`(?<!\p{L})(?:${alternatives(GONE_RU)})(?!\p{L})`,
    '.{0,20}',
    String.raw`(?<!\p{L})(?:${alternatives(SERVICE_RU)})`,
  ]),
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(FAULT_RU)})`, 'u'),
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(NEGATION_EN)})\s+(?:${alternatives(VERB_EN)})`, 'u'),
  new RegExp(String.raw`(?<!\p{L})(?:${alternatives(FAULT_EN)})(?!\p{L})`, 'u'),
];

/** True when the message describes a fault, failure or loss, in Russian or English. */
export function reportsProblem(text: string): boolean {
  const normalized = normalize(text);
  return PATTERNS.some((pattern) => pattern.test(normalized));
}
