import { describe, expect, it } from 'vitest';
import { createLogger } from './pino-logger.ts';

const PHONE = '+7 (916) 123-45-67';
const EMAIL = 'ivan.petrov@mail.ru';
const CARD = '4111 1111 1111 1111';
const ACCOUNT = '987654321';
const CONVERSATION = '01938231-1234-7123-abcd-123456789012';

function capture(redactPii: boolean) {
  const lines: string[] = [];
  const logger = createLogger('info', { redactPii, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

function logEverything(logger: ReturnType<typeof createLogger>): void {
  const error = new Error(`customer wrote: call ${PHONE} or ${EMAIL}`);
  logger.warn(
    {
      conversationId: CONVERSATION,
      text: `карта ${CARD}`,
      nested: { account: `счёт ${ACCOUNT}`, list: [EMAIL], count: 7 },
      err: error,
    },
    `reply failed for ${EMAIL}`,
  );
  logger.child({ customer: EMAIL }).info({ seconds: 0.5 }, 'child record');
}

describe('pino logger with REDACT_PII', () => {
  it('masks phones, e-mails, cards and account numbers in the message, the fields and errors when on', () => {
    const { logger, lines, records } = capture(true);
    logEverything(logger);
    const output = lines.join('');
    for (const personal of [PHONE, EMAIL, CARD, ACCOUNT]) expect(output).not.toContain(personal);
    const [warned, child] = records();
    expect(warned).toMatchObject({
      level: 40,
      msg: 'reply failed for [email]',
      conversationId: CONVERSATION,
      text: 'карта [card]',
      nested: { account: 'счёт [number]', list: ['[email]'], count: 7 },
      err: { type: 'Error', message: 'customer wrote: call [phone] or [email]' },
    });
    expect(String((warned?.err as { stack?: unknown } | undefined)?.stack)).toContain('customer wrote: call [phone]');
    expect(child).toMatchObject({ msg: 'child record', customer: '[email]', seconds: 0.5, service: 'firstline' });
  });

  it('writes records as given when off', () => {
    const { logger, lines, records } = capture(false);
    logEverything(logger);
    const output = lines.join('');
    for (const personal of [PHONE, EMAIL, CARD, ACCOUNT]) expect(output).toContain(personal);
    expect(records()[0]).toMatchObject({
      err: { type: 'Error', message: `customer wrote: call ${PHONE} or ${EMAIL}` },
    });
  });
});
