// Logger port on the console: one JSON object per record, as the Workers runtime collects them (Workers Logs, `wrangler
// tail`). With REDACT_PII=on every string is masked first, as on Node. Runtime: any.
import type { Logger } from '../../core/ports/logger.ts';
import { redactPii } from '../../core/text/pii.ts';

type Level = 'info' | 'warn' | 'error';
const RANK: Readonly<Record<string, number>> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

/** A copy with errors as plain fields (message, name, stack) and, when asked, personal data masked in every string. */
function plain(value: unknown, redact: boolean, depth = 0): unknown {
  if (typeof value === 'string') return redact ? redactPii(value) : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= 6) return '[deeper]';
  if (value instanceof Error)
    return plain({ type: value.name, message: value.message, stack: value.stack }, redact, depth + 1);
  if (Array.isArray(value)) return value.map((item: unknown) => plain(item, redact, depth + 1));
  if ('toJSON' in value && typeof value.toJSON === 'function') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item, redact, depth + 1)]));
}

export function consoleLogger(level: string, options: { readonly redactPii?: boolean | undefined } = {}): Logger {
  const threshold = RANK[level] ?? RANK.info ?? 1;
  const redact = options.redactPii === true;
  const write = (at: Level) => (fields: Record<string, unknown>, message: string) => {
    if ((RANK[at] ?? 0) < threshold) return;
    const line = JSON.stringify({
      level: at,
      time: new Date().toISOString(),
      ...(plain(fields, redact) as Record<string, unknown>),
      msg: redact ? redactPii(message) : message,
    });
    if (at === 'error') console.error(line);
    else if (at === 'warn') console.warn(line);
    else console.log(line);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
