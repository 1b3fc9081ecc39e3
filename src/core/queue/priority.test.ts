import { describe, expect, it } from 'vitest';
import { parseSlaMinutes, priorityOf, priorityScore, slaDeadline } from './priority.ts';

const calm = { label: 'neutral' as const, intensity: 0, signals: [] };

describe('priority', () => {
  it('puts risk to a person first, then strong emotion, then plain requests', () => {
    const risk = priorityScore({
      reasons: ['sensitive'],
      signals: { emotion: calm, sensitive: [{ kind: 'risk', evidence: 'дым' }] },
    });
    const angry = priorityScore({
      reasons: ['emotion'],
      signals: { emotion: { label: 'anger', intensity: 0.9, signals: [] }, sensitive: [] },
    });
    const human = priorityScore({ reasons: ['human_request'] });
    const business = priorityScore({ reasons: ['human_request'], plan: 'Business' });
    expect([priorityOf(risk), priorityOf(angry), priorityOf(human), priorityOf(business)]).toEqual([
      'urgent',
      'high',
      'normal',
      'high',
    ]);
    expect(risk).toBeGreaterThan(angry);
    expect(business).toBeGreaterThan(human);
  });

  it('sets the SLA deadline from configuration', () => {
    const sla = parseSlaMinutes('urgent:5, high:30');
    expect(sla).toEqual({ urgent: 5, high: 30, normal: 240, low: 1440 });
    expect(slaDeadline(new Date('2026-11-01T10:00:00Z'), 'high', sla).toISOString()).toBe('2026-11-01T10:30:00.000Z');
    expect(() => parseSlaMinutes('urgent:0')).toThrow('positive');
    expect(() => parseSlaMinutes('critical:5')).toThrow('unknown priority');
  });
});
