// What the hand-written rules say about a message's handoff intents, and how a model's probability is
// combined with them. Runtime: any.
import { detectEmotion } from './emotion.ts';
import { detectHumanRequest } from './human-request.ts';
import type { Intent } from './intent.ts';
import { detectSensitive } from './sensitive.ts';
import { DEFAULT_HANDOFF_THRESHOLDS } from './thresholds.ts';

/** With the rules' emotion signals, the model needs only this much to agree that the customer is upset. */
export const EMOTION_AGREEMENT = 0.1;

/** What the hand-written rules alone say. */
export function ruleIntents(text: string, emotionThreshold = DEFAULT_HANDOFF_THRESHOLDS.emotion): Set<Intent> {
  const found = new Set<Intent>();
  if (detectHumanRequest(text).matched) found.add('human_request');
  if (detectEmotion(text).intensity >= emotionThreshold) found.add('emotion');
  if (detectSensitive(text).length > 0) found.add('sensitive');
  return found;
}

/**
 * The service's decision: a request for a person or a sensitive topic when the rules find it or the model is
 * sure; emotion when the model is sure, or agrees with the rules (which alone mistake «плачу за интернет»,
 * "I pay", for crying).
 */
export function combine(intent: Intent, rules: boolean, probability: number, threshold: number): boolean {
  if (intent === 'emotion') return probability >= threshold || (rules && probability >= EMOTION_AGREEMENT);
  return rules || probability >= threshold;
}
