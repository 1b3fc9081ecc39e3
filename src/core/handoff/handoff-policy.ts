// Decides whether a customer message must go to a person, and why, before the bot tries to answer. Runtime: any.
import type { HandoffReason, Message } from '../conversation/conversation.ts';
import { detectEmotion, type Emotion } from './emotion.ts';
import { detectHumanRequest } from './human-request.ts';
import { detectLoop } from './loop.ts';
import { detectSensitive, type SensitiveMatch } from './sensitive.ts';

export interface HandoffThresholds {
  /** Emotion intensity at or above which the conversation goes to a person. */
  readonly emotion: number;
  /** Intensity at or above which the bot answers with empathy first. */
  readonly empathy: number;
}

export const DEFAULT_HANDOFF_THRESHOLDS: HandoffThresholds = { emotion: 0.55, empathy: 0.2 };

export interface HandoffSignals {
  readonly emotion: Emotion;
  readonly humanRequest?: string | undefined;
  readonly sensitive: readonly SensitiveMatch[];
  readonly loop?: 'did-not-help' | 'repeated-question' | undefined;
}

export interface HandoffAssessment {
  /** Reasons to hand off, most important first; empty when the bot may answer. */
  readonly reasons: readonly HandoffReason[];
  readonly signals: HandoffSignals;
  /** Answer, but acknowledge the customer's feelings first. */
  readonly empathy: boolean;
}

/** Runs every live detector on one customer message in the context of the conversation so far. */
export function assessMessage(history: readonly Message[], text: string, thresholds: HandoffThresholds = DEFAULT_HANDOFF_THRESHOLDS): HandoffAssessment {
  const emotion = detectEmotion(text);
  const human = detectHumanRequest(text);
  const sensitive = detectSensitive(text);
  const loop = detectLoop(history, text);
  const reasons: HandoffReason[] = [];
  if (sensitive.length > 0) reasons.push('sensitive');
  if (human.matched) reasons.push('human_request');
  if (emotion.intensity >= thresholds.emotion) reasons.push('emotion');
  if (loop.matched) reasons.push('loop');
  return {
    reasons,
    signals: { emotion, humanRequest: human.evidence, sensitive, loop: loop.kind },
    empathy: emotion.intensity >= thresholds.empathy,
  };
}
