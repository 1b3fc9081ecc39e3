// What an agent sees beside a ticket about its customer: the profile (verified or only claimed), where and how they
// wrote, and their earlier conversations. A claimed identity never reaches a verified customer's history. Runtime: any.
import type { Customer } from '../conversation/conversation.ts';
import { AppError } from '../errors.ts';
import type { ConversationStore, CustomerHistoryQuery, PastConversation } from '../ports/conversation-store.ts';
import type { TicketStore } from '../ports/ticket-store.ts';
import type { Lang } from '../text/lang.ts';

/** Earlier conversations listed at most. */
export const PREVIOUS_CONVERSATIONS_LIMIT = 20;

export interface TicketContext {
  readonly ticketId: string;
  readonly conversationId: string;
  readonly customer: Customer & { readonly verified: boolean };
  readonly lang: Lang;
  readonly channel: string;
  /** The page the customer was on, as the widget last said; null when unknown. */
  readonly page: string | null;
  /** Newest first, at most {@link PREVIOUS_CONVERSATIONS_LIMIT}. */
  readonly previous: readonly PastConversation[];
}

export interface TicketContextDependencies {
  readonly tickets: Pick<TicketStore, 'getTicket'>;
  readonly conversations: Pick<ConversationStore, 'getConversation' | 'customerHistory'>;
}

/**
 * Whose conversations count as this customer's: the same id or e-mail, and verified alike. A verified customer's
 * history holds only verified conversations, so a page claiming their id without the hash links to nothing of theirs;
 * an unverified claim is linked only with other unverified claims of the same id or e-mail.
 */
export function historyQuery(
  conversationId: string,
  customer: Customer,
  limit = PREVIOUS_CONVERSATIONS_LIMIT,
): CustomerHistoryQuery | undefined {
  if (customer.id === undefined && customer.email === undefined) return undefined;
  return {
    id: customer.id,
    email: customer.email,
    verified: customer.verified === true,
    excludeConversationId: conversationId,
    limit,
  };
}

/** The context of a ticket's customer; `not_found:ticket` for an unknown ticket. */
export async function ticketContext(deps: TicketContextDependencies, ticketId: string): Promise<TicketContext> {
  const ticket = await deps.tickets.getTicket(ticketId);
  if (ticket === undefined) throw new AppError('not_found:ticket', `ticket ${ticketId} does not exist`);
  const conversation = await deps.conversations.getConversation(ticket.conversationId);
  if (conversation === undefined)
    throw new AppError('not_found:conversation', `conversation ${ticket.conversationId} does not exist`);
  const customer = { ...conversation.customer, verified: conversation.customer.verified === true };
  const query = historyQuery(conversation.id, customer);
  return {
    ticketId: ticket.id,
    conversationId: conversation.id,
    customer,
    lang: conversation.lang ?? ticket.lang,
    channel: conversation.channel,
    page: conversation.page ?? null,
    previous: query === undefined ? [] : await deps.conversations.customerHistory(query),
  };
}
