// Handoff decision quality: confusion matrix and precision / recall / F1 per reason ("none" included). Runtime: any.

export interface LabelledDecision {
  readonly id: string;
  /** Expected reason, or `none` when the bot should answer. */
  readonly expected: string;
  readonly actual: string;
}

export interface ReasonMetrics {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Messages whose expected label is this reason. */
  readonly support: number;
}

export interface HandoffMetrics {
  readonly perReason: Readonly<Record<string, ReasonMetrics>>;
  /** confusion[expected][actual] = count */
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly accuracy: number;
}

export function handoffMetrics(decisions: readonly LabelledDecision[]): HandoffMetrics {
  const labels = [...new Set(decisions.flatMap((decision) => [decision.expected, decision.actual]))].sort();
  const confusion: Record<string, Record<string, number>> = {};
  for (const expected of labels) confusion[expected] = Object.fromEntries(labels.map((actual) => [actual, 0]));
  for (const decision of decisions) {
    const row = confusion[decision.expected] ?? {};
    row[decision.actual] = (row[decision.actual] ?? 0) + 1;
  }
  const perReason: Record<string, ReasonMetrics> = {};
  for (const label of labels) {
    const truePositive = decisions.filter(
      (decision) => decision.expected === label && decision.actual === label,
    ).length;
    const predicted = decisions.filter((decision) => decision.actual === label).length;
    const support = decisions.filter((decision) => decision.expected === label).length;
    const precision = predicted === 0 ? 0 : truePositive / predicted;
    const recall = support === 0 ? 0 : truePositive / support;
    perReason[label] = {
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
      support,
    };
  }
  const correct = decisions.filter((decision) => decision.expected === decision.actual).length;
  return { perReason, confusion, accuracy: decisions.length === 0 ? 0 : correct / decisions.length };
}
