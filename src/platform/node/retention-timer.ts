// Applies RETENTION_DAYS on a timer while the server runs: once at start, then every RETENTION_SWEEP_MINUTES;
// never two sweeps at once, and a failed sweep is logged and tried again next time. Runtime: Node.
import type { Logger } from '../../core/ports/logger.ts';
import type { TicketStore } from '../../core/ports/ticket-store.ts';
import type { AttachmentStore } from '../../core/ports/attachment-store.ts';
import { applyRetention } from '../../core/use-cases/retention.ts';

export interface RetentionTimer {
  /** Resolves when the sweep in progress (if any) has finished; no further sweeps start. */
  stop(): Promise<void>;
}

export function startRetention(options: {
  readonly days: number;
  readonly everyMinutes: number;
  readonly tickets: Pick<TicketStore, 'eraseExpired'>;
  /** Files of erased conversations are deleted after each sweep. */
  readonly attachments?: Pick<AttachmentStore, 'deleteErased'> | undefined;
  readonly logger: Logger;
  readonly now?: () => Date;
}): RetentionTimer {
  if (options.days === 0) return { stop: () => Promise.resolve() };
  let running: Promise<void> | undefined;
  const sweep = () => {
    if (running !== undefined) return;
    running = applyRetention({
      tickets: options.tickets,
      attachments: options.attachments,
      days: options.days,
      now: options.now ?? (() => new Date()),
    })
      .then((counts) => {
        if (counts.conversations > 0)
          options.logger.info({ ...counts, days: options.days }, 'retention: old conversations erased');
      })
      .catch((error: unknown) => options.logger.warn({ err: error }, 'retention sweep failed; trying again later'))
      .finally(() => {
        running = undefined;
      });
  };
  sweep();
  const timer = setInterval(sweep, options.everyMinutes * 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
