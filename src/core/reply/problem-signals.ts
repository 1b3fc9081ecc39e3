// Does the customer report that something went wrong (so an apology is due)? RU and EN wording. Runtime: any.
import { normalize } from '../text/normalize.ts';

// `\b` is ASCII-only in JavaScript, so word starts are written as "not after a letter" (`(?<!\p{L})`).
const PATTERNS: readonly RegExp[] = [
  /(?<!\p{L})не\s+(?:работа|приход|приш|получа|могу|загружа|открыва|включа|показыва|грузит|пуска|отвеча|ловит|видит|подключа|зачисл)/u,
  /(?<!\p{L})(?:нет|пропал\p{L}*|отвалил\p{L}*|сломал\p{L}*|слетел\p{L}*|исчез\p{L}*|упал\p{L}*)(?!\p{L}).{0,20}(?<!\p{L})(?:интернет|инет|связ|сигнал|wi-?fi|вайфай|тв|деньг|баланс|код|смс)/u,
  /(?<!\p{L})(?:ошибк|сбо[йи]|глюч|завис|тормоз|лага|мига|красн|заблокир|списал|дважды|сняли|обманул|не\s+дозвон|медленн)/u,
  /(?<!\p{L})(?:doesn'?t|does\s+not|don'?t|didn'?t|did\s+not|won'?t|isn'?t|is\s+not|can'?t|cannot|couldn'?t|not)\s+(?:work|come|arriv|load|connect|open|show|turn|get|receiv|log|sign|see|find)/u,
  /(?<!\p{L})(?:not\s+working|broken|error|fail\p{L}*|crash\p{L}*|stuck|down|outage|lost|missing|dropp\p{L}*|slow|blinking|red\s+light|locked|blocked|charged\s+twice|double\s+charg\p{L}*|overcharg\p{L}*|no\s+(?:internet|signal|connection|wifi))(?!\p{L})/u,
];

/** True when the message describes a fault, failure or loss, in Russian or English. */
export function reportsProblem(text: string): boolean {
  const normalized = normalize(text);
  return PATTERNS.some((pattern) => pattern.test(normalized));
}
