import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening, parseWorkingHours } from './working-hours.ts';

const hours = parseWorkingHours('mon-fri 09:00-21:00; sat 10:00-18:00', 'Europe/Moscow');

describe('working hours', () => {
  it('knows when the team works in its own time zone', () => {
    expect(isOpen(hours, new Date('2026-11-23T06:00:00Z'))).toBe(true); // Mon 09:00 Moscow
    expect(isOpen(hours, new Date('2026-11-23T05:59:00Z'))).toBe(false); // Mon 08:59 Moscow
    expect(isOpen(hours, new Date('2026-11-22T10:00:00Z'))).toBe(false); // Sunday
  });

  it('finds the next opening across a closed day', () => {
    expect(nextOpening(hours, new Date('2026-11-22T10:00:00Z'))?.toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(nextOpening(hours, new Date('2026-11-21T16:30:00Z'))?.toISOString()).toBe('2026-11-23T06:00:00.000Z'); // Sat 19:30 Moscow
    const open = new Date('2026-11-23T10:00:00Z');
    expect(nextOpening(hours, open)).toBe(open);
  });

  it('rejects hours it cannot read, naming the part', () => {
    expect(() => parseWorkingHours('weekdays 9-5', 'Europe/Moscow')).toThrow(
      'cannot read working hours "weekdays 9-5"',
    );
    expect(() => parseWorkingHours('mon 18:00-09:00', 'Europe/Moscow')).toThrow('must end after they start');
  });
});
