import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleLogger } from './console-logger.ts';

afterEach(() => vi.restoreAllMocks());

describe('consoleLogger', () => {
  it('writes one JSON line per record at or above its level, errors as plain fields', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => lines.push(line));
    const logger = consoleLogger('info');
    logger.info({ requestId: 'r1' }, 'request');
    logger.error({ err: new Error('boom') }, 'failed');
    const [info, error] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(info).toMatchObject({ level: 'info', requestId: 'r1', msg: 'request' });
    expect(error).toMatchObject({ level: 'error', msg: 'failed', err: { type: 'Error', message: 'boom' } });
    const quiet = consoleLogger('warn');
    quiet.info({}, 'not written');
    expect(lines).toHaveLength(2);
  });

  it('masks personal data in every string with REDACT_PII=on, and only then', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((line: string) => lines.push(line));
    consoleLogger('info', { redactPii: true }).warn({ text: 'пишите на ivan@example.com' }, 'от +7 912 345-67-89');
    consoleLogger('info').warn({ text: 'ivan@example.com' }, 'plain');
    expect(lines[0]).not.toContain('ivan@example.com');
    expect(lines[0]).not.toContain('345-67-89');
    expect(lines[1]).toContain('ivan@example.com');
  });
});
