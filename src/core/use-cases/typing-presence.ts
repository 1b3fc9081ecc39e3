// Typing indicators: a customer typing in the widget is told to the agents while a person is involved; the
// assignee typing a reply is told to the customer with the agent's name. Ephemeral (see ports/presence-signals.ts):
// nothing is stored. Runtime: any.
import type { Conversation } from '../conversation/conversation.ts';
import { assertAssignee } from '../desk/desk-rules.ts';
import { TYPING_TTL_MS } from '../desk/typing-signals.ts';
import { AppError } from '../errors.ts';
import type { PresenceSignals } from '../ports/presence-signals.ts';
import type { TicketStore } from '../ports/ticket-store.ts';
import type { Agent } from '../queue/ticket.ts';

export interface TypingPresenceDependencies {
  readonly signals: PresenceSignals;
  readonly tickets: Pick<TicketStore, 'getTicket' | 'openTicketOf'>;
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
}

export class TypingPresence {
  constructor(private readonly deps: TypingPresenceDependencies) {}

  /**
   * The customer types (or stopped). Passed on only while the conversation is with the queue or an agent: while
   * the bot serves it, nobody is there to see it.
   */
  async customer(conversation: Conversation, typing: boolean): Promise<void> {
    if (conversation.status === 'bot' || conversation.status === 'resolved') return;
    const ticket = await this.deps.tickets.openTicketOf(conversation.id);
    this.deps.signals.publish({
      conversationId: conversation.id,
      who: 'customer',
      ticketId: ticket?.id,
      until: this.until(typing),
    });
  }

  /** The assignee types a reply (or stopped); anyone else gets `conflict:ticket`, as for a message. */
  async agent(ticketId: string, agent: Agent, typing: boolean): Promise<void> {
    const ticket = await this.deps.tickets.getTicket(ticketId);
    if (ticket === undefined) throw new AppError('not_found:ticket', `ticket ${ticketId} does not exist`);
    assertAssignee(ticket, agent);
    this.deps.signals.publish({
      conversationId: ticket.conversationId,
      who: 'agent',
      name: agent.name,
      ticketId: ticket.id,
      until: this.until(typing),
    });
  }

  private until(typing: boolean): number {
    const now = this.deps.clock();
    return typing ? now + TYPING_TTL_MS : now;
  }
}
