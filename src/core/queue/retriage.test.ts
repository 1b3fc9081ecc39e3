import { describe, expect, it } from 'vitest';
import type { HandoffAssessment } from '../handoff/handoff-policy.ts';
import { DEFAULT_QUEUE_SETTINGS } from './queue-settings.ts';
import { retriage, retriageNotice } from './retriage.ts';
import type { Ticket } from './ticket.ts';

const NOW = new Date(Date.UTC(2026, 11, 1, 12, 0, 0));
const ticket: Ticket = {
  id: 't1',
  conversationId: 'c1',
  status: 'waiting',
  group: 'first-line',
  priority: 'low',
  priorityScore: 25,
  reasons: ['low_confidence'],
  signals: { emotion: { label: 'neutral', intensity: 0, signals: [] }, sensitive: [] },
  summary: {
    problem: 'p',
    botSaid: [],
    citedArticles: [],
    customerAnswered: [],
    mood: { label: 'neutral', intensity: 0 },
    openQuestions: [],
    source: 'extractive',
  },
  lang: 'ru',
  customer: {},
  assigneeId: null,
  slaDueAt: new Date(NOW.getTime() + 20 * 3_600_000).toISOString(),
  createdAt: NOW.toISOString(),
  claimedAt: null,
  firstResponseAt: null,
  resolvedAt: null,
  resolution: null,
  updatedAt: NOW.toISOString(),
  groupedWith: null,
  intake: null,
};
const assessment = (reasons: HandoffAssessment['reasons'], intensity: number): HandoffAssessment => ({
  reasons,
  signals: { emotion: { label: intensity > 0 ? 'anger' : 'neutral', intensity, signals: [] }, sensitive: [] },
  empathy: false,
});

describe('retriage', () => {
  it('adds the new reasons, raises the priority and brings the SLA deadline closer', () => {
    const result = retriage({
      ticket,
      assessment: assessment(['emotion', 'human_request'], 0.9),
      text: 'Безобразие!!!',
      now: NOW,
      settings: DEFAULT_QUEUE_SETTINGS,
    });
    expect(result.added).toEqual(['emotion', 'human_request']);
    expect(result.raised).toBe(true);
    expect(result.triage.priority).toBe('high');
    expect(result.triage.slaDueAt).toBe(new Date(NOW.getTime() + 60 * 60_000).toISOString());
    expect(result.triage.summary.customerAnswered).toEqual(['Безобразие!!!']);
    expect(result.triage.summary.mood).toEqual({ label: 'anger', intensity: 0.9 });
  });

  it('never lowers anything on a calm message, and keeps a flood-grouped ticket where it is', () => {
    const urgent: Ticket = { ...ticket, priority: 'urgent', priorityScore: 90, reasons: ['emotion'] };
    const calm = retriage({
      ticket: urgent,
      assessment: assessment([], 0),
      text: 'Жду',
      now: NOW,
      settings: DEFAULT_QUEUE_SETTINGS,
    });
    expect(calm).toMatchObject({ added: [], raised: false, triage: { priority: 'urgent', priorityScore: 90 } });
    expect(calm.triage.slaDueAt).toBe(urgent.slaDueAt);
    const grouped: Ticket = { ...ticket, priorityScore: -1, groupedWith: 't0' };
    const angry = retriage({
      ticket: grouped,
      assessment: assessment(['emotion'], 0.9),
      text: '!!!',
      now: NOW,
      settings: DEFAULT_QUEUE_SETTINGS,
    });
    expect(angry.triage).toMatchObject({ priority: 'low', priorityScore: -1, reasons: ['low_confidence', 'emotion'] });
  });

  it('words the acknowledgement in the customer’s language', () => {
    expect(retriageNotice('ru', false)).toMatch(/Вашему обращению/);
    expect(retriageNotice('en', true)).toMatch(/urgent/);
  });
});
