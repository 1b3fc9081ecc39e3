// Measures the live handoff detectors on evals/handoff.yaml: precision and recall per reason (first reason counts).
// Usage: npm run eval:handoff [-- --misses]
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Message } from '../src/core/conversation/conversation.ts';
import { parseSuite } from '../src/core/evals/suite.ts';
import { assessMessage } from '../src/core/handoff/handoff-policy.ts';
import { handoffMetrics, type LabelledDecision } from '../src/core/evals/handoff-metrics.ts';

const { values } = parseArgs({ options: { misses: { type: 'boolean', default: false } } });

async function decisionsOf(path: string): Promise<LabelledDecision[]> {
  const suite = parseSuite(path, await readFile(path, 'utf8'));
  const decisions: LabelledDecision[] = [];
  for (const entry of suite.cases) {
    const history: Message[] = [];
    entry.turns.forEach((turn, index) => {
      const assessment = assessMessage(history, turn.customer);
      const expected = turn.expect.action === 'handoff' ? (turn.expect.handoffReason ?? 'low_confidence') : 'none';
      const actual = assessment.reasons[0] ?? 'none';
      decisions.push({ id: `${entry.id}#${index + 1}`, expected, actual });
      if (values.misses && expected !== actual)
        process.stdout.write(
          `${entry.id}#${index + 1} want=${expected} got=${actual} ${JSON.stringify(assessment.signals.emotion)}\n   ${turn.customer}\n`,
        );
      history.push({ id: `c${index}`, conversationId: entry.id, role: 'customer', text: turn.customer, at: '' });
      if (actual === 'none')
        history.push({ id: `b${index}`, conversationId: entry.id, role: 'bot', text: '(answer)', at: '' });
    });
  }
  return decisions;
}

// evals/handoff.yaml was used to develop the detectors; evals/handoff-holdout.yaml was written separately and not tuned on.
for (const [name, path] of [
  ['development table (evals/handoff.yaml)', 'evals/handoff.yaml'],
  ['held-out table (evals/handoff-holdout.yaml)', 'evals/handoff-holdout.yaml'],
] as const) {
  const decisions = await decisionsOf(path).catch(() => undefined);
  if (decisions === undefined) continue;
  const metrics = handoffMetrics(decisions);
  process.stdout.write(
    `\n${name}: accuracy ${metrics.accuracy.toFixed(3)} over ${decisions.length} messages\n| reason | precision | recall | F1 | support |\n|---|---:|---:|---:|---:|\n`,
  );
  for (const [reason, row] of Object.entries(metrics.perReason)) {
    process.stdout.write(
      `| ${reason} | ${row.precision.toFixed(3)} | ${row.recall.toFixed(3)} | ${row.f1.toFixed(3)} | ${row.support} |\n`,
    );
  }
}
