// Auto-assignment (AUTO_ASSIGN=round-robin): waiting tickets go to online agents with room, round robin, as soon as
// a ticket opens, a ticket closes or leaves an agent, or an agent's console says it is online. Runtime: any.
import type { DeskEventType } from '../desk/events.ts';
import { AppError } from '../errors.ts';
import type { EventFeed } from '../ports/event-feed.ts';
import type { Logger } from '../ports/logger.ts';
import type { TicketStore } from '../ports/ticket-store.ts';
import { roundRobin } from '../queue/round-robin.ts';

/** Events after which there may be a ticket to give or an agent with room again. */
const TRIGGERS: ReadonlySet<DeskEventType> = new Set([
  'ticket-created',
  'ticket-transferred',
  'ticket-released',
  'ticket-resolved',
]);

export interface AutoAssignmentDependencies {
  readonly tickets: Pick<TicketStore, 'listTickets' | 'agentLoads' | 'assignTicket' | 'lastEventSeq'>;
  /** Open tickets an agent holds at most before auto-assignment passes them over. */
  readonly capacity: number;
  readonly now: () => Date;
  readonly logger: Logger;
}

export class AutoAssignment {
  private running: Promise<void> | undefined;
  private pending = false;
  private readonly stopping = new AbortController();
  private following: Promise<void> | undefined;

  constructor(private readonly deps: AutoAssignmentDependencies) {}

  /**
   * Gives out what can be given now. A call while a round runs asks for one more round after it, so two rounds never
   * overlap in this process; a ticket claimed by someone meanwhile is skipped (the store refuses the assignment).
   */
  dispatch(): Promise<void> {
    if (this.running !== undefined) {
      this.pending = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.pending = false;
        await this.round();
      } while (this.pending);
    })()
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'auto-assignment failed; trying again later'))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async round(): Promise<void> {
    // Tickets grouped as a flood wait for a lead's decision, not for an agent.
    const waiting = (await this.deps.tickets.listTickets({ status: 'waiting', assignee: null })).filter(
      (ticket) => ticket.groupedWith === null,
    );
    if (waiting.length === 0) return;
    const now = this.deps.now();
    const picks = roundRobin(waiting, await this.deps.tickets.agentLoads(), { capacity: this.deps.capacity, now });
    for (const pick of picks) {
      try {
        await this.deps.tickets.assignTicket(pick.ticketId, 'auto', pick.agentId, now.toISOString());
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'conflict:ticket') throw error;
      }
    }
  }

  /** Follows the live feed from now on, dispatching after each batch that opened or freed a ticket. */
  start(feed: EventFeed): void {
    this.following ??= (async () => {
      const after = await this.deps.tickets.lastEventSeq();
      await this.dispatch();
      for await (const batch of feed.follow({ after, signal: this.stopping.signal, idleMs: 60_000 })) {
        if (batch.some((event) => TRIGGERS.has(event.type))) await this.dispatch();
      }
    })().catch((error: unknown) => {
      if (!this.stopping.signal.aborted) this.deps.logger.error({ err: error }, 'auto-assignment stopped');
    });
  }

  /** Stops following the feed and waits for the round in progress. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.following;
    await this.running;
  }
}
