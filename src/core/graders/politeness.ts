// Politeness of any text, RU/EN, deterministic: politeness strategies (gratitude, please, apology, greeting,
// hedging, praise, "could you") against face threats (profanity, insults, condescension, hostile questions,
// negativity, shouting), counted by bilingual lexicons and weighted by a linear model fitted to human
// politeness ratings (npm run train:graders; politeness-weights.json). Score in [0, 1], 0.5 neutral. Runtime: any.
import { z } from 'zod';
import { normalize } from '../text/normalize.ts';
import { alternatives } from '../text/pattern.ts';
import fitted from './politeness-weights.json' with { type: 'json' };
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

interface Counted {
  readonly name: string;
  readonly pattern: RegExp;
  /** Occurrences counted at most this many times. */
  readonly cap: number;
}

// Wordings of three of the strategies counted below.
const COUNTERFACTUAL = [
  'could you|would you|would it be|could i|would you mind',
  'не могли бы|не могли ли|не будете ли|не затруднит',
];
const TENTATIVE = [
  'maybe|perhaps|i think|i guess|i suppose|i believe|seems|might|possibly|probably',
  'возможно|кажется|наверное|думаю|по-моему|видимо',
];
const POSITIVE = [
  String.raw`good|great|nice|helpful|interesting|appreciat\p{L}*|welcome|glad|happy|best`,
  String.raw`хорош\p{L}*|рад\p{L}*|полезн\p{L}*|интересн\p{L}*|прекрасн\p{L}*`,
];

const COUNTED: readonly Counted[] = [
  { name: 'gratitude', pattern: stemsPattern(GRATITUDE), cap: 2 },
  { name: 'please', pattern: stemsPattern(PLEASE), cap: 2 },
  { name: 'apology', pattern: stemsPattern(APOLOGY), cap: 1 },
  { name: 'greeting', pattern: stemsPattern(GREETING), cap: 1 },
  { name: 'hedge', pattern: stemsPattern(HEDGES), cap: 3 },
  { name: 'praise', pattern: stemsPattern(PRAISE), cap: 2 },
  { name: 'indirect', pattern: stemsPattern(INDIRECT), cap: 1 },
  { name: 'factuality', pattern: stemsPattern(FACTUALITY), cap: 2 },
  { name: 'reproach', pattern: stemsPattern(REPROACH), cap: 2 },
  { name: 'hostile-question', pattern: stemsPattern(DIRECT_QUESTION), cap: 2 },
  { name: 'negativity', pattern: stemsPattern(NEGATIVE_WORDS), cap: 3 },
  { name: 'condescension', pattern: stemsPattern(CONDESCENSION), cap: 2 },
  { name: 'insult', pattern: stemsPattern(INSULTS), cap: 3 },
  { name: 'violence', pattern: stemsPattern(VIOLENCE), cap: 2 },
  { name: 'profanity', pattern: stemsPattern(PROFANITY), cap: 3 },
  // Politeness strategies of the Stanford politeness work, in both languages.
  {
    name: 'counterfactual',
    pattern: new RegExp(String.raw`(?<!\p{L})(?:${alternatives(COUNTERFACTUAL)})`, 'gu'),
    cap: 1,
  },
  { name: 'indicative', pattern: /(?<!\p{L})(?:can you|will you|can't you|можете|сможете)(?!\p{L})/gu, cap: 1 },
  { name: 'we', pattern: /(?<!\p{L})(?:we|our|us|let's|мы|нам|нас|наш\p{L}*)(?!\p{L})/gu, cap: 2 },
  {
    name: 'second-person',
    pattern: /(?<!\p{L})(?:you|your|yours|yourself|вы|вас|вам|вами|ваш\p{L}*|ты|тебя|тебе|твой\p{L}*)(?!\p{L})/gu,
    cap: 3,
  },
  { name: 'question', pattern: /\?/gu, cap: 2 },
  { name: 'first-person', pattern: /(?<!\p{L})(?:i|me|my|mine|я|мне|меня|мой|моя|мои|моё)(?!\p{L})/gu, cap: 3 },
  {
    name: 'tentative',
    pattern: new RegExp(String.raw`(?<!\p{L})(?:${alternatives(TENTATIVE)})(?!\p{L})`, 'gu'),
    cap: 2,
  },
  { name: 'exclamation', pattern: /!/gu, cap: 2 },
  { name: 'positive', pattern: new RegExp(String.raw`(?<!\p{L})(?:${alternatives(POSITIVE)})(?!\p{L})`, 'gu'), cap: 2 },
];

const weightsSchema = z.object({
  intercept: z.number(),
  weights: z.record(z.string(), z.number()),
  fittedOn: z.string(),
});

/** Feature weights fitted to human ratings (TyDiP, English development split), starting from hand-set ones. */
export const POLITENESS_WEIGHTS = weightsSchema.parse(fitted);

export interface PolitenessScore {
  /** In [0, 1]: 0 hostile, 0.5 neutral, 1 very polite. */
  readonly score: number;
  /** Counted features, by name. */
  readonly features: Readonly<Record<string, number>>;
}

/** The politeness features of a text and how often each occurs. */
export function politenessFeatures(text: string): Record<string, number> {
  const normalized = ` ${normalize(text)} `;
  const features: Record<string, number> = {};
  for (const feature of COUNTED) {
    const count = Math.min(feature.cap, normalized.match(feature.pattern)?.length ?? 0);
    if (count > 0) features[feature.name] = count;
  }
  const letters = text.match(/\p{L}/gu) ?? [];
  const capitals = text.match(/\p{Lu}/gu) ?? [];
  if (letters.length >= 12 && capitals.length / letters.length > 0.6) features.shouting = 1;
  const exclamations = (text.match(/[!?]{2,}/g) ?? []).length;
  if (exclamations > 0) features['repeated-punctuation'] = Math.min(exclamations, 2);
  // A question starting with "you"/"вы" reads as pushy in requests.
  if (/^\s*(?:you |вы |ты )/iu.test(text) && /\?/.test(text)) features['you-first'] = 1;
  // Requests that open bluntly: "So why…", "Please explain…", direct wh-questions (sentence-initial "please"
  // and direct questions read as less polite than the same words mid-sentence).
  if (/^\s*(?:so|then|and|but|итак|так|ну|а)\b/iu.test(text)) features['direct-start'] = 1;
  if (/^\s*(?:please|пожалуйста)\b/iu.test(text)) features['please-first'] = 1;
  if (
    /^\s*(?:what|why|how|who|where|when|which|почему|зачем|что|как|кто|где|когда)\b/iu.test(text) &&
    /\?/.test(text) &&
    !/(?:could|would|might|can|may)\s+(?:you|i|we)|не могли бы|подскажите/iu.test(text)
  )
    features['direct-question'] = 1;
  if (/^\s*(?:i|я)\b/iu.test(text)) features['first-person-start'] = 1;
  if (/(?<!\p{L})(?:ты|тебя|тебе|твой|твоя|твои)(?!\p{L})/u.test(normalized)) features['informal-you'] = 1;
  return features;
}

/** Scores the politeness of one text in Russian or English. */
export function politeness(text: string): PolitenessScore {
  const features = politenessFeatures(text);
  let linear = POLITENESS_WEIGHTS.intercept;
  for (const [name, count] of Object.entries(features)) linear += (POLITENESS_WEIGHTS.weights[name] ?? 0) * count;
  return { score: 1 / (1 + Math.exp(-linear)), features };
}
