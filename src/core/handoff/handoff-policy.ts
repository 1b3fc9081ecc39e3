// Decides whether a customer message must go to a person, and why, before the bot tries to answer. Runtime: any.
import type { HandoffReason, Message } from '../conversation/conversation.ts';
import { detectEmotion, type Emotion } from './emotion.ts';
import { detectHumanRequest } from './human-request.ts';
import { detectLoop } from './loop.ts';
import { detectSensitive, type SensitiveMatch } from './sensitive.ts';
import { detectIntents } from './intent-models.ts';
import type { Intent } from './intent.ts';

import { DEFAULT_HANDOFF_THRESHOLDS, type HandoffThresholds } from './thresholds.ts';
export { DEFAULT_HANDOFF_THRESHOLDS, type HandoffThresholds } from './thresholds.ts';

export interface HandoffSignals {
  readonly emotion: Emotion;
  readonly humanRequest?: string | undefined;
  readonly sensitive: readonly SensitiveMatch[];
  readonly loop?: 'did-not-help' | 'repeated-question' | undefined;
  /** P(intent) from each trained detector, for the agent's view and for tuning. */
  readonly model?: Readonly<Record<Intent, number>> | undefined;
}

export interface HandoffAssessment {
  /** Reasons to hand off, most important first; empty when the bot may answer. */
  readonly reasons: readonly HandoffReason[];
  readonly signals: HandoffSignals;
  /** Answer, but acknowledge the customer's feelings first. */
  readonly empathy: boolean;
}

/** Runs every live detector on one customer message in the context of the conversation so far. */
export function assessMessage(
  history: readonly Message[],
  text: string,
  thresholds: HandoffThresholds = DEFAULT_HANDOFF_THRESHOLDS,
): HandoffAssessment {
  const emotion = detectEmotion(text);
  const human = detectHumanRequest(text);
  const sensitive = detectSensitive(text);
  const loop = detectLoop(history, text);
  // The trained detectors decide, with the rules as their features (intent-models.ts): they catch requests
  // phrased without the rules' words and keep «плачу за интернет» ("I pay") from counting as tears.
  const detected = detectIntents(text, thresholds.emotion);
  const reasons: HandoffReason[] = [];
  if (detected.intents.has('sensitive')) reasons.push('sensitive');
  if (detected.intents.has('human_request')) reasons.push('human_request');
  // A loop the customer points out («вы это уже писали») reads as frustration to the model: the loop is the reason.
  const emotionByRules = emotion.intensity >= thresholds.emotion;
  if (loop.matched && !emotionByRules) reasons.push('loop');
  if (detected.intents.has('emotion')) reasons.push('emotion');
  if (loop.matched && emotionByRules) reasons.push('loop');
  return {
    reasons,
    signals: {
      emotion,
      humanRequest:
        human.evidence ?? (detected.intents.has('human_request') ? 'asks for a person (trained detector)' : undefined),
      sensitive,
      loop: loop.kind,
      model: detected.model,
    },
    empathy: emotion.intensity >= thresholds.empathy || detected.intents.has('emotion'),
  };
}
