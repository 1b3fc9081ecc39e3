import { describe, expect, it } from 'vitest';
import { rejectsResponseFormat, retryAfterMs } from './model-errors.ts';

describe('model errors', () => {
  it('reads Retry-After in milliseconds, seconds or as a date', () => {
    expect(retryAfterMs({ status: 429, retryAfterMs: 1500 })).toBe(1500);
    expect(retryAfterMs({ status: 429, headers: new Headers({ 'retry-after': '2' }) })).toBe(2000);
    expect(retryAfterMs({ status: 429, headers: { 'retry-after-ms': '250' } })).toBe(250);
    expect(
      retryAfterMs(
        { status: 429, headers: new Headers({ 'retry-after': 'Wed, 02 Dec 2026 12:00:10 GMT' }) },
        Date.parse('2026-12-02T12:00:00Z'),
      ),
    ).toBe(10_000);
    expect(retryAfterMs({ status: 429 })).toBeUndefined();
  });

  it('recognises an endpoint that rejects JSON-schema output', () => {
    expect(
      rejectsResponseFormat({
        status: 400,
        message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported",
      }),
    ).toBe(true);
    expect(rejectsResponseFormat({ status: 400, message: 'context length exceeded' })).toBe(false);
    expect(rejectsResponseFormat({ status: 500, message: 'response_format' })).toBe(false);
  });
});
