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

/** A labelled outcome with the case it came from, for a split that keeps a case's repeats together. */
export interface CaseOutcome extends ScoredOutcome {
  readonly id: string;
}

/** Splits outcomes into a fitting part and a reporting part by a hash of the case id (about one in three reports). */
export function splitOutcomes(outcomes: readonly CaseOutcome[]): { fit: CaseOutcome[]; report: CaseOutcome[] } {
  const fit: CaseOutcome[] = [];
  const report: CaseOutcome[] = [];
  for (const outcome of outcomes) {
    let hash = 2166136261;
    for (const char of outcome.id) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
    ((hash >>> 0) % 3 === 0 ? report : fit).push(outcome);
  }
  return { fit, report };
}

/** Accuracy and coverage at a threshold; accuracy is null when nothing would be answered. */
export function atThreshold(
  outcomes: readonly ScoredOutcome[],
  threshold: number,
): { accuracy: number | null; coverage: number; answered: number } {
  const answered = outcomes.filter((outcome) => outcome.confidence >= threshold);
  return {
    accuracy: answered.length === 0 ? null : answered.filter((outcome) => outcome.correct).length / answered.length,
    coverage: outcomes.length === 0 ? 0 : answered.length / outcomes.length,
    answered: answered.length,
  };
}

/** Accuracy and coverage at every tenth, for the table `calibrate` prints. */
export function riskCoverageTable(
  outcomes: readonly ScoredOutcome[],
): Array<{ threshold: number; accuracy: number | null; coverage: number }> {
  return Array.from({ length: 10 }, (_, step) => ({ threshold: step / 10, ...atThreshold(outcomes, step / 10) }));
}
