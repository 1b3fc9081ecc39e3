import { describe, expect, it } from 'vitest';
import { uuid7Generator } from './uuid7.ts';

describe('uuid7Generator', () => {
  it('writes RFC 9562 version 7 UUIDs carrying the millisecond timestamp', () => {
    const at = Date.UTC(2026, 11, 1, 10, 30);
    const id = uuid7Generator(() => at)();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('keeps ids strictly increasing within one millisecond and when the clock steps back', () => {
    let clock = 1_000_000;
    const next = uuid7Generator(() => clock);
    const ids: string[] = [];
    for (let index = 0; index < 10_000; index += 1) {
      if (index === 5_000) clock -= 10;
      ids.push(next());
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, index) => index === 0 || id > (ids[index - 1] ?? ''))).toBe(true);
  });
});
