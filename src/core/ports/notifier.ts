// Port: telling a customer who left the chat that a specialist answered, through the host's own channel (its
// backend receives the notice and e-mails the customer). Runtime: any.

/** A specialist wrote to a customer who is not in the chat and left an e-mail address. */
export interface AgentReplyNotice {
  readonly type: 'agent-reply';
  readonly conversationId: string;
  readonly ticketId: string;
  readonly email: string;
  readonly lang: 'ru' | 'en';
  readonly agentName: string;
  readonly text: string;
  readonly at: string;
}

export interface Notifier {
  /** Resolves once the notice was accepted; rejects when it could not be delivered. */
  notify(notice: AgentReplyNotice): Promise<void>;
}
