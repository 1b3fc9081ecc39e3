// Emotion thresholds of the handoff policy. Runtime: any.
export interface HandoffThresholds {
  /** Emotion intensity at or above which the conversation goes to a person. */
  readonly emotion: number;
  /** Intensity at or above which the bot answers with empathy first. */
  readonly empathy: number;
}

export const DEFAULT_HANDOFF_THRESHOLDS: HandoffThresholds = { emotion: 0.55, empathy: 0.2 };
