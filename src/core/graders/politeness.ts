// Politeness of any text, RU/EN, deterministic: politeness strategies (gratitude, please, apology,
// greeting, hedging, praise) against face threats (profanity, insults, condescension, hostile questions,
// negativity, shouting). Score in [0, 1], 0.5 neutral. Runtime: any.
import { normalize } from '../text/normalize.ts';
import {
  APOLOGY,
  CONDESCENSION,
  DIRECT_QUESTION,
  FACTUALITY,
  INDIRECT,
  GRATITUDE,
  GREETING,
  HEDGES,
  INSULTS,
  NEGATIVE_WORDS,
  PLEASE,
  PRAISE,
  PROFANITY,
  REPROACH,
  VIOLENCE,
  stemsPattern,
} from './lexicons.ts';

interface Feature {
  readonly name: string;
  readonly weight: number;
  readonly pattern: RegExp;
  /** Occurrences counted at most this many times. */
  readonly cap: number;
}

const FEATURES: readonly Feature[] = [
  { name: 'gratitude', weight: 0.9, pattern: stemsPattern(GRATITUDE), cap: 2 },
  { name: 'please', weight: 0.6, pattern: stemsPattern(PLEASE), cap: 2 },
  { name: 'apology', weight: 0.5, pattern: stemsPattern(APOLOGY), cap: 1 },
  { name: 'greeting', weight: 0.6, pattern: stemsPattern(GREETING), cap: 1 },
  { name: 'hedge', weight: 0.45, pattern: stemsPattern(HEDGES), cap: 3 },
  { name: 'praise', weight: 0.5, pattern: stemsPattern(PRAISE), cap: 2 },
  { name: 'indirect', weight: 0.3, pattern: stemsPattern(INDIRECT), cap: 1 },
  { name: 'factuality', weight: -0.4, pattern: stemsPattern(FACTUALITY), cap: 2 },
  { name: 'reproach', weight: -0.7, pattern: stemsPattern(REPROACH), cap: 2 },
  { name: 'hostile-question', weight: -0.9, pattern: stemsPattern(DIRECT_QUESTION), cap: 2 },
  { name: 'negativity', weight: -0.6, pattern: stemsPattern(NEGATIVE_WORDS), cap: 3 },
  { name: 'condescension', weight: -1.2, pattern: stemsPattern(CONDESCENSION), cap: 2 },
  { name: 'insult', weight: -1.8, pattern: stemsPattern(INSULTS), cap: 3 },
  { name: 'violence', weight: -1.5, pattern: stemsPattern(VIOLENCE), cap: 2 },
  { name: 'profanity', weight: -2.2, pattern: stemsPattern(PROFANITY), cap: 3 },
];

export interface PolitenessScore {
  /** In [0, 1]: 0 hostile, 0.5 neutral, 1 very polite. */
  readonly score: number;
  /** Counted features, by name. */
  readonly features: Readonly<Record<string, number>>;
}

/** Scores the politeness of one text in Russian or English. */
export function politeness(text: string): PolitenessScore {
  const normalized = ` ${normalize(text)} `;
  const features: Record<string, number> = {};
  let linear = 0;
  for (const feature of FEATURES) {
    const count = Math.min(feature.cap, normalized.match(feature.pattern)?.length ?? 0);
    if (count === 0) continue;
    features[feature.name] = count;
    linear += feature.weight * count;
  }
  const letters = text.match(/\p{L}/gu) ?? [];
  const capitals = text.match(/\p{Lu}/gu) ?? [];
  if (letters.length >= 12 && capitals.length / letters.length > 0.6) {
    features.shouting = 1;
    linear -= 1;
  }
  const exclamations = (text.match(/[!?]{2,}/g) ?? []).length;
  if (exclamations > 0) {
    features['repeated-punctuation'] = exclamations;
    linear -= 0.4 * Math.min(exclamations, 2);
  }
  // A question starting with "you"/"вы" or a bare imperative reads as pushy in requests.
  if (/^\s*(?:you |вы |ты )/iu.test(text) && /\?/.test(text)) {
    features['you-first'] = 1;
    linear -= 0.3;
  }
  // Requests that open bluntly: "So why…", "What is…", "Please explain…" (politeness research: sentence-initial
  // "please" and direct wh-questions read as less polite than the same words mid-sentence).
  if (/^\s*(?:so|then|and|but)\b/iu.test(text)) {
    features['direct-start'] = 1;
    linear -= 0.3;
  }
  if (/^\s*(?:please|пожалуйста)\b/iu.test(text)) {
    features['please-first'] = 1;
    linear -= 0.4;
  }
  if (/^\s*(?:what|why|how|who|where|when|which|почему|зачем|что|как|кто|где|когда)\b/iu.test(text) && /\?/.test(text) && !/(?:could|would|might|can|may)\s+(?:you|i|we)|не могли бы|подскажите/iu.test(text)) {
    features['direct-question'] = 1;
    linear -= 0.3;
  }
  if (/(?<!\p{L})(?:ты|тебя|тебе|твой|твоя|твои)(?!\p{L})/u.test(normalized)) {
    features['informal-you'] = 1;
    linear -= 0.3;
  }
  return { score: 1 / (1 + Math.exp(-linear)), features };
}
