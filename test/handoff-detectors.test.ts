import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../src/core/conversation/conversation.ts';
import { handoffMetrics, type LabelledDecision } from '../src/core/evals/handoff-metrics.ts';
import { parseSuite } from '../src/core/evals/suite.ts';
import { assessMessage } from '../src/core/handoff/handoff-policy.ts';
import { ROOT } from './run-cli.ts';

describe('handoff detectors on the labelled table (evals/handoff.yaml)', () => {
  it('reach precision and recall of at least 0.9 for every reason', async () => {
    const path = join(ROOT, 'evals', 'handoff.yaml');
    const suite = parseSuite(path, await readFile(path, 'utf8'));
    const decisions: LabelledDecision[] = [];
    for (const entry of suite.cases) {
      const history: Message[] = [];
      entry.turns.forEach((turn, index) => {
        const actual = assessMessage(history, turn.customer).reasons[0] ?? 'none';
        decisions.push({
          id: `${entry.id}#${index}`,
          expected: turn.expect.action === 'handoff' ? (turn.expect.handoffReason ?? 'low_confidence') : 'none',
          actual,
        });
        history.push(
          { id: `c${index}`, conversationId: entry.id, role: 'customer', text: turn.customer, at: '' },
          { id: `b${index}`, conversationId: entry.id, role: 'bot', text: 'answer', at: '' },
        );
      });
    }
    expect(decisions.length).toBeGreaterThanOrEqual(150);
    const metrics = handoffMetrics(decisions);
    for (const reason of ['human_request', 'emotion', 'sensitive', 'loop']) {
      expect(metrics.perReason[reason]?.precision, `${reason} precision`).toBeGreaterThanOrEqual(0.9);
      expect(metrics.perReason[reason]?.recall, `${reason} recall`).toBeGreaterThanOrEqual(0.9);
    }
  });
});
