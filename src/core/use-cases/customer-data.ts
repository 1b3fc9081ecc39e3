// A customer's data rights (GDPR, Russia's 152-FZ): everything held about them as one document, and its erasure.
// The customer is found by the `id` or `email` of the conversations' customer profile. Runtime: any.
import { AppError } from '../errors.ts';
import type { AttachmentStore } from '../ports/attachment-store.ts';
import type { CustomerConversationRecord, ErasureCounts, TicketStore } from '../ports/ticket-store.ts';

export interface CustomerDataDependencies {
  readonly tickets: Pick<TicketStore, 'customerRecords' | 'eraseCustomer'>;
  /** Files sent in the conversations: deleted (bytes and records) once the erasure has committed. */
  readonly attachments?: Pick<AttachmentStore, 'deleteErased'> | undefined;
  readonly now: () => Date;
}

/** The export: what was found under the key, when. */
export interface CustomerExport {
  readonly key: string;
  readonly exportedAt: string;
  readonly conversations: readonly CustomerConversationRecord[];
}

/** Who asks for an erasure: an admin (their agent id) or the operator at the command line. */
export type Requester = { readonly agentId: string } | 'cli';

export class CustomerDataService {
  constructor(private readonly deps: CustomerDataDependencies) {}

  /** Throws `not_found:customer` when no conversation has this customer. */
  async export(key: string): Promise<CustomerExport> {
    const conversations = await this.deps.tickets.customerRecords(key);
    if (conversations.length === 0) throw notFound(key);
    return { key, exportedAt: this.deps.now().toISOString(), conversations };
  }

  /** Erases in one transaction; throws `not_found:customer` when nothing matches (or it was erased already). */
  async erase(key: string, requester: Requester): Promise<ErasureCounts> {
    const counts = await this.deps.tickets.eraseCustomer({
      key,
      by: requester === 'cli' ? 'cli' : requester.agentId,
      actor: requester === 'cli' ? 'system' : `agent:${requester.agentId}`,
      at: this.deps.now().toISOString(),
    });
    if (counts.conversations === 0) throw notFound(key);
    await this.deps.attachments?.deleteErased();
    return counts;
  }
}

const notFound = (key: string) =>
  new AppError('not_found:customer', `no conversation has a customer with the id or e-mail "${key}"`);
