import { describe, expect, it } from 'vitest';
import { containsFact, gradeAccuracy } from './accuracy.ts';

describe('containsFact', () => {
  it('accepts other word forms but needs numbers exactly', () => {
    expect(containsFact('Подождите 60 секунд и запросите код', '60 секунды')).toBe(true);
    expect(containsFact('Код действует 5 минут', '15 минут')).toBe(false);
    expect(containsFact('Откройте http://192.168.0.1 в браузере', '192.168.0.1')).toBe(true);
    expect(containsFact('Откройте http://192.168.0.1 в браузере', '192.168.1.1')).toBe(false);
    expect(containsFact('Звоните 8 800 555-35-35', '8 800 555-35-35')).toBe(true);
  });
});

describe('gradeAccuracy', () => {
  it('reports missing facts, forbidden content and a wrong citation', () => {
    const grade = gradeAccuracy({
      reply: 'Код действует 10 минут.',
      facts: ['5 минут'],
      forbidden: ['10 минут'],
      expectedArticles: ['a'],
      citedArticles: ['b'],
      sources: ['Код действует 5 минут.'],
    });
    expect(grade.pass).toBe(false);
    expect(grade.score).toBe(0);
    expect(grade.reason).toContain('missing fact "5 минут"');
    expect(grade.reason).toContain('forbidden "10 минут" present');
    expect(grade.reason).toContain('expected article a not cited');
  });

  it('passes a correct, cited and grounded reply', () => {
    expect(
      gradeAccuracy({
        reply: 'Код действует 5 минут.',
        facts: ['5 минут'],
        expectedArticles: ['a'],
        citedArticles: ['a'],
        sources: ['Код действует 5 минут.'],
      }),
    ).toMatchObject({ pass: true, score: 1, factRecall: 1, citationHit: true, groundedness: 1 });
  });
});
