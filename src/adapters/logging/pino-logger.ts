// Logger port on pino: structured JSON lines on stdout. Runtime: Node.
import pino from 'pino';
import type { Logger } from '../../core/ports/logger.ts';

export function createLogger(level: string): Logger & { child(bindings: Record<string, unknown>): Logger } {
  const logger = pino({ level, base: { service: 'firstline' }, serializers: { err: pino.stdSerializers.err } });
  return logger;
}
