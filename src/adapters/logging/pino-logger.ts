// Logger port on pino: structured JSON lines on stdout; with REDACT_PII=on every string in a record (message,
// fields, error messages and stacks) has its personal data masked before it is written. Runtime: Node.
import pino from 'pino';
import type { Logger } from '../../core/ports/logger.ts';
import { redactPii, type PiiRedactor } from '../../core/text/pii.ts';

export interface LoggerOptions {
  /** Masks phones, e-mails, card and account numbers in every record (REDACT_PII=on). */
  readonly redactPii?: boolean | undefined;
  /** Where the lines go; stdout unless given. */
  readonly destination?: pino.DestinationStream | undefined;
}

/** Fields are walked this deep; a deeper object is logged as `[deeper]`, so nothing reaches the log unmasked. */
const MAX_DEPTH = 6;

/** A copy of a log value with `redact` applied to every string in it; errors become pino's serialized form. */
export function redactLogValue(value: unknown, redact: PiiRedactor, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[deeper]';
  if (value instanceof Error) return redactLogValue(pino.stdSerializers.err(value), redact, depth + 1);
  if (Array.isArray(value)) return value.map((item: unknown) => redactLogValue(item, redact, depth + 1));
  // Dates and the like log through their toJSON, which carries no customer text.
  if ('toJSON' in value && typeof value.toJSON === 'function') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, redactLogValue(item, redact, depth + 1)] as const),
  );
}

type ChildLogger = Logger & { child(bindings: Record<string, unknown>): ChildLogger };

const redactFields = (fields: Record<string, unknown>) => redactLogValue(fields, redactPii) as Record<string, unknown>;

/** The port over a pino logger, every record (and every child's bindings) masked before pino sees it. */
function redacting(logger: pino.Logger): ChildLogger {
  return {
    info: (fields, message) => logger.info(redactFields(fields), redactPii(message)),
    warn: (fields, message) => logger.warn(redactFields(fields), redactPii(message)),
    error: (fields, message) => logger.error(redactFields(fields), redactPii(message)),
    child: (bindings) => redacting(logger.child(redactFields(bindings))),
  };
}

export function createLogger(level: string, options: LoggerOptions = {}): ChildLogger {
  const on = options.redactPii === true;
  const settings: pino.LoggerOptions = {
    level,
    base: { service: 'firstline' },
    // Masked records carry errors already serialized (and masked); only a raw error is serialized here.
    serializers: {
      err: on
        ? (value: unknown) => (value instanceof Error ? pino.stdSerializers.err(value) : value)
        : pino.stdSerializers.err,
    },
  };
  const logger = options.destination === undefined ? pino(settings) : pino(settings, options.destination);
  return on ? redacting(logger) : logger;
}
