// Retention: conversations nobody has touched for RETENTION_DAYS lose their texts and the customer's profile, as an
// erasure does (events stay as anonymous facts, so the KPIs stay true). In small batches, one write transaction each,
// so a large first sweep never holds the database for long. Runtime: any.
import type { AttachmentStore } from '../ports/attachment-store.ts';
import type { ErasureCounts, TicketStore } from '../ports/ticket-store.ts';

export interface RetentionDependencies {
  readonly tickets: Pick<TicketStore, 'eraseExpired'>;
  /** Files sent in the conversations: those of erased conversations are deleted after each sweep. */
  readonly attachments?: Pick<AttachmentStore, 'deleteErased'> | undefined;
  readonly now: () => Date;
  /** Days kept after the last activity; 0 keeps everything. */
  readonly days: number;
  /** Conversations per write transaction. */
  readonly batch?: number | undefined;
}

const DAY_MS = 86_400_000;

/** Erases everything past the retention period; returns what it erased (all zeros when retention is off). */
export async function applyRetention(deps: RetentionDependencies): Promise<ErasureCounts> {
  const total = { conversations: 0, messages: 0, tickets: 0 };
  if (deps.days === 0) return total;
  const limit = deps.batch ?? 200;
  const now = deps.now();
  const before = new Date(now.getTime() - deps.days * DAY_MS).toISOString();
  for (;;) {
    const counts = await deps.tickets.eraseExpired({
      before,
      limit,
      by: 'retention',
      actor: 'system',
      at: now.toISOString(),
    });
    total.conversations += counts.conversations;
    total.messages += counts.messages;
    total.tickets += counts.tickets;
    if (counts.conversations < limit) {
      await deps.attachments?.deleteErased();
      return total;
    }
  }
}
