// Negative tone (sadness, fear, anger) in Russian and English text, from a logistic model over character
// n-grams, stems and the emotion lexicon's signals, trained on human-labelled posts (npm run train:graders;
// tone-weights.json). A weak signal of the emotion detector: alone it never hands a conversation off. Runtime: any.
import { z } from 'zod';
import { linearModelSchema, probability } from '../ml/linear-model.ts';
import { textFeatures } from '../ml/text-features.ts';
import weights from './tone-weights.json' with { type: 'json' };

const toneWeightsSchema = z.object({
  trainedOn: z.string(),
  model: linearModelSchema,
  /** Below this probability, weak lexicon signals do not count as emotion. */
  veto: z.number().min(0).max(1),
});

export const TONE_WEIGHTS = toneWeightsSchema.parse(weights);
export const TONE_MODEL = TONE_WEIGHTS.model;

/** Bigrams too: chosen by cross-validation on the training split ([2, 3, 4] against [3, 4, 5] and [4, 5, 6]). */
const TONE_NGRAMS = [2, 3, 4];

/** Features of the tone model; `signals` are the emotion lexicon's hits on the text. */
export function toneFeatures(text: string, signals: readonly string[] = []): Map<string, number> {
  return textFeatures(
    text,
    signals.map((signal) => `emotion:${signal}`),
    TONE_NGRAMS,
  );
}

/** P(the text is sad, afraid or angry). */
export function negativeTone(text: string, signals: readonly string[] = []): number {
  return probability(TONE_MODEL, toneFeatures(text, signals));
}
