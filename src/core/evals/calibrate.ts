// Picks the handoff threshold: the lowest confidence at which the answered cases reach a target accuracy. Runtime: any.

export interface ScoredOutcome {
  readonly confidence: number;
  /** Would an answer at this confidence have been right (the top article answers the question)? */
  readonly correct: boolean;
}

export interface ThresholdChoice {
  readonly threshold: number;
  readonly accuracy: number;
  readonly coverage: number;
  /** False when no threshold reaches the target; the threshold with the best accuracy is returned. */
  readonly met: boolean;
}

/** Scans thresholds 0.00…0.99 and returns the lowest whose answered share is at least `target` accurate. */
export function chooseThreshold(outcomes: readonly ScoredOutcome[], target: number): ThresholdChoice {
  let best: ThresholdChoice = { threshold: 0.99, accuracy: 0, coverage: 0, met: false };
  for (let step = 0; step < 100; step += 1) {
    const threshold = step / 100;
    const answered = outcomes.filter((outcome) => outcome.confidence >= threshold);
    if (answered.length === 0) break;
    const accuracy = answered.filter((outcome) => outcome.correct).length / answered.length;
    const coverage = answered.length / outcomes.length;
    if (accuracy >= target) return { threshold, accuracy, coverage, met: true };
    if (accuracy > best.accuracy) best = { threshold, accuracy, coverage, met: false };
  }
  return best;
}
