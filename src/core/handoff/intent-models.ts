// The trained handoff detectors (npm run train:detectors → intent-weights.json) and how the service combines
// them with the hand-written rules (intent-rules.ts). Runtime: any.
import { z } from 'zod';
import { linearModelSchema, probability, type LinearModel } from '../ml/linear-model.ts';
import weights from './intent-weights.json' with { type: 'json' };
import { intentFeatures } from './intent-features.ts';
import { INTENTS, type Intent } from './intent.ts';
import { combine, ruleIntents } from './intent-rules.ts';
import { DEFAULT_HANDOFF_THRESHOLDS } from './thresholds.ts';

const weightsSchema = z.object({
  trainedOn: z.string(),
  examples: z.number(),
  models: z.object(
    Object.fromEntries(INTENTS.map((intent) => [intent, linearModelSchema])) as Record<
      Intent,
      typeof linearModelSchema
    >,
  ),
});

/** The shipped models, validated when the module loads. */
export const INTENT_MODELS: Readonly<Record<Intent, LinearModel>> = weightsSchema.parse(weights).models;

export interface IntentDetection {
  readonly intents: ReadonlySet<Intent>;
  /** P(intent) from each model. */
  readonly model: Readonly<Record<Intent, number>>;
  readonly thresholds: Readonly<Record<Intent, number>>;
}

/** Rules and models together, as the service decides. */
export function detectIntents(text: string, emotionThreshold = DEFAULT_HANDOFF_THRESHOLDS.emotion): IntentDetection {
  const features = intentFeatures(text);
  const model = Object.fromEntries(
    INTENTS.map((intent) => [intent, probability(INTENT_MODELS[intent], features)]),
  ) as Record<Intent, number>;
  const thresholds = Object.fromEntries(INTENTS.map((intent) => [intent, INTENT_MODELS[intent].threshold])) as Record<
    Intent,
    number
  >;
  const rules = ruleIntents(text, emotionThreshold);
  const intents = new Set<Intent>();
  for (const intent of INTENTS)
    if (combine(intent, rules.has(intent), model[intent], thresholds[intent])) intents.add(intent);
  return { intents, model, thresholds };
}

export { ruleIntents } from './intent-rules.ts';
