// Agent-side use cases: authenticate by token, work the queue, talk to the customer, hand the
// conversation back or resolve it. Runtime: any.
import type { Citation, Message } from '../conversation/conversation.ts';
import type { Notifier } from '../ports/notifier.ts';
import type { ReplyGenerator } from '../ports/reply-generator.ts';
import { hashToken, newToken } from '../conversation/tokens.ts';
import { ExpiringCache } from '../util/expiring-cache.ts';
import { handBackText } from '../reply/customer-texts.ts';
import { AppError } from '../errors.ts';
import type { ConversationStore } from '../ports/conversation-store.ts';
import type { BulkCloseResult, Note, TicketFilter, TicketStore } from '../ports/ticket-store.ts';
import type { Agent, AgentRole, Ticket } from '../queue/ticket.ts';
import { effectivePresence, type Presence } from '../queue/round-robin.ts';
import type { AutoAssignment } from './auto-assignment.ts';
import { ticketContext, type TicketContext } from './ticket-context.ts';

export interface AgentServiceDependencies {
  readonly tickets: TicketStore;
  readonly conversations: ConversationStore;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Drafts suggested replies from the knowledge base; without it there are no suggestions. */
  readonly replies?: ReplyGenerator | undefined;
  /**
   * Telling customers who left the chat that a specialist answered (NOTIFY_WEBHOOK_URL): `present` says whether the
   * customer follows the conversation live here.
   */
  readonly notices?:
    | {
        readonly notifier: Notifier;
        readonly present: (conversationId: string) => boolean;
        readonly onError: (error: unknown, context: { conversationId: string; ticketId: string }) => void;
      }
    | undefined;
  /** With AUTO_ASSIGN: told when an agent comes online, so waiting tickets reach them at once. */
  readonly autoAssignment?: Pick<AutoAssignment, 'dispatch'> | undefined;
}

/** An agent as consoles list them: presence as it counts now, and the tickets they hold. */
export interface AgentStatus extends Agent {
  readonly presence: Presence;
  readonly openTickets: number;
}

export interface Suggestion {
  readonly text: string;
  readonly citations: readonly Citation[];
  readonly confidence: number;
}

export interface TicketView extends Ticket {
  /** Seconds since the ticket was opened. */
  readonly waitingSeconds: number;
  /** Past its SLA deadline without a first human response. */
  readonly overdue: boolean;
  /** Who has claimed it, by name, for consoles. */
  readonly assigneeName: string | null;
}

/** How long a signed-in agent is remembered before the database is asked again. */
const AGENT_MEMORY_MS = 60_000;

export class AgentService {
  /** Agents by token hash, for a minute: a role changed or an agent removed in the database counts within it. */
  private readonly agentsByHash: ExpiringCache<string, Agent>;
  private namesById = new Map<string, string>();

  constructor(private readonly deps: AgentServiceDependencies) {
    this.agentsByHash = new ExpiringCache(1_000, AGENT_MEMORY_MS, () => deps.now().getTime());
  }

  /** The agent owning the token, if its role is allowed: 401 for an unknown token, 403 for a role without access. */
  async authenticate(token: string | undefined, roles: readonly AgentRole[]): Promise<Agent> {
    if (token === undefined)
      throw new AppError('unauthorized:token', 'send an agent token as "Authorization: Bearer <token>"');
    const hash = await hashToken(token);
    const agent = this.agentsByHash.get(hash) ?? (await this.deps.tickets.findAgentByTokenHash(hash));
    if (agent === undefined) throw new AppError('unauthorized:token', 'this token does not belong to an agent');
    this.agentsByHash.set(hash, agent);
    if (!roles.includes(agent.role))
      throw new AppError('forbidden:role', `this needs the role ${roles.join(' or ')}; you are ${agent.role}`);
    return agent;
  }

  private async view(ticket: Ticket): Promise<TicketView> {
    const now = this.deps.now().getTime();
    if (ticket.assigneeId !== null && !this.namesById.has(ticket.assigneeId)) {
      this.namesById = new Map((await this.deps.tickets.listAgents()).map((agent) => [agent.id, agent.name]));
    }
    return {
      ...ticket,
      assigneeName: ticket.assigneeId === null ? null : (this.namesById.get(ticket.assigneeId) ?? null),
      waitingSeconds: Math.max(
        0,
        Math.round(
          ((ticket.resolvedAt === null ? now : Date.parse(ticket.resolvedAt)) - Date.parse(ticket.createdAt)) / 1000,
        ),
      ),
      overdue:
        ticket.firstResponseAt === null &&
        ticket.status !== 'resolved' &&
        ticket.status !== 'released' &&
        Date.parse(ticket.slaDueAt) < now,
    };
  }

  async list(filter: TicketFilter): Promise<TicketView[]> {
    return Promise.all((await this.deps.tickets.listTickets(filter)).map((ticket) => this.view(ticket)));
  }

  private async ticket(id: string): Promise<Ticket> {
    const ticket = await this.deps.tickets.getTicket(id);
    if (ticket === undefined) throw new AppError('not_found:ticket', `ticket ${id} does not exist`);
    return ticket;
  }

  async read(
    id: string,
  ): Promise<{ ticket: TicketView; transcript: Message[]; notes: Array<Note & { agentName: string | null }> }> {
    const ticket = await this.ticket(id);
    const notes = await this.deps.tickets.listNotes(id);
    if (notes.some((note) => !this.namesById.has(note.agentId)))
      this.namesById = new Map((await this.deps.tickets.listAgents()).map((agent) => [agent.id, agent.name]));
    return {
      ticket: await this.view(ticket),
      transcript: await this.deps.conversations.listMessages(ticket.conversationId),
      notes: notes.map((note) => ({ ...note, agentName: this.namesById.get(note.agentId) ?? null })),
    };
  }

  /** The customer beside the ticket: profile, page, language, channel and earlier conversations. */
  context(id: string): Promise<TicketContext> {
    return ticketContext(this.deps, id);
  }

  async claim(id: string, agent: Agent): Promise<TicketView> {
    return await this.view(await this.deps.tickets.claimTicket(id, agent, this.deps.now().toISOString()));
  }

  /** `attachmentIds`: files the assignee uploaded to this ticket's conversation, sent with the text. */
  async message(id: string, agent: Agent, text: string, attachmentIds?: readonly string[]): Promise<Message> {
    const message = await this.deps.tickets.addAgentMessage({
      ticketId: id,
      agent,
      messageId: this.deps.newId(),
      text,
      at: this.deps.now().toISOString(),
      attachmentIds,
    });
    this.notifyAbsentCustomer(id, agent, message);
    return message;
  }

  /**
   * A customer who left the chat and gave an e-mail (in the intake or the profile) is told through the notifier; the
   * agent's reply does not wait for it, and a failed delivery is logged.
   */
  private notifyAbsentCustomer(ticketId: string, agent: Agent, message: Message): void {
    const notices = this.deps.notices;
    if (notices === undefined || notices.present(message.conversationId)) return;
    void (async () => {
      const ticket = await this.deps.tickets.getTicket(ticketId);
      const email = ticket?.intake?.values.email ?? ticket?.customer.email;
      if (ticket === undefined || email === undefined) return;
      await notices.notifier.notify({
        type: 'agent-reply',
        conversationId: message.conversationId,
        ticketId,
        email,
        lang: ticket.lang,
        agentName: agent.name,
        text: message.text,
        at: message.at,
      });
    })().catch((error: unknown) => notices.onError(error, { conversationId: message.conversationId, ticketId }));
  }

  note(id: string, agent: Agent, text: string): Promise<Note> {
    return this.deps.tickets.addNote({
      ticketId: id,
      agent,
      noteId: this.deps.newId(),
      text,
      at: this.deps.now().toISOString(),
    });
  }

  /** A resolved or released ticket taken up again: the agent owns it and may write to the customer. */
  async reopen(id: string, agent: Agent): Promise<TicketView> {
    return await this.view(await this.deps.tickets.reopenTicket(id, agent, this.deps.now().toISOString()));
  }

  /** Gives an open ticket to an agent: leads and admins to anyone, agents only to themselves. */
  async assign(id: string, by: Agent, assigneeId: string): Promise<TicketView> {
    return await this.view(await this.deps.tickets.assignTicket(id, by, assigneeId, this.deps.now().toISOString()));
  }

  async transfer(id: string, agent: Agent, group: string): Promise<TicketView> {
    return await this.view(await this.deps.tickets.transferTicket(id, agent, group, this.deps.now().toISOString()));
  }

  /** Back to the bot; the customer is told, in their language, that the bot is there and a person can be asked for. */
  async release(id: string, agent: Agent): Promise<TicketView> {
    const ticket = await this.ticket(id);
    const notice = { messageId: this.deps.newId(), text: handBackText(ticket.lang) };
    return await this.view(await this.deps.tickets.releaseTicket(id, agent, this.deps.now().toISOString(), notice));
  }

  /** A lead closes open tickets without claiming them: a flood from one source, grouped by flood control. */
  closeMany(ids: readonly string[], agent: Agent, resolution: string): Promise<BulkCloseResult> {
    return this.deps.tickets.closeTickets({ ids, agent, resolution, at: this.deps.now().toISOString() });
  }

  async resolve(id: string, agent: Agent, resolution: string): Promise<TicketView> {
    return await this.view(await this.deps.tickets.resolveTicket(id, agent, resolution, this.deps.now().toISOString()));
  }

  /**
   * A reply drafted from the knowledge base for the agent to edit. Upset customers wrap the problem in
   * words no article answers ("third time!!!, I am furious"), so the draft is tried on the summary's
   * problem, the last customer messages, and each of their sentences and clauses; the best-supported
   * answer wins. Null when nothing in the knowledge base supports one.
   */
  async suggest(id: string): Promise<Suggestion | null> {
    const ticket = await this.ticket(id);
    const conversation = await this.deps.conversations.getConversation(ticket.conversationId);
    if (this.deps.replies === undefined || conversation === undefined) return null;
    const transcript = await this.deps.conversations.listMessages(ticket.conversationId);
    const said = [
      ticket.summary.problem,
      ...transcript
        .filter((message) => message.role === 'customer')
        .slice(-3)
        .map((message) => message.text),
    ];
    const candidates = [
      ...new Set(said.flatMap((text) => [text, ...text.split(/[.!?;,\n]+/)]).map((text) => text.trim())),
    ]
      .filter((text) => text.split(/\s+/).length >= 2)
      .slice(0, 16);
    const request = { conversation: { ...conversation, lang: ticket.lang }, history: transcript };
    let best: (Suggestion & { readonly asked: string }) | null = null;
    for (const text of candidates) {
      const reply = await this.deps.replies.reply({ ...request, text, purpose: 'draft-probe' });
      if (reply.meta.action !== 'answer' || (best !== null && reply.meta.confidence.score <= best.confidence)) continue;
      best = {
        asked: text,
        text: reply.text,
        citations: reply.meta.citations,
        confidence: reply.meta.confidence.score,
      };
    }
    if (best === null) return null;
    // Candidates are compared without the model; only the winner is written by it, when one is configured.
    const final = await this.deps.replies.reply({ ...request, text: best.asked, purpose: 'draft' });
    const chosen =
      final.meta.action === 'answer'
        ? { text: final.text, citations: final.meta.citations, confidence: final.meta.confidence.score }
        : best;
    return { text: chosen.text, citations: chosen.citations, confidence: chosen.confidence };
  }

  /**
   * What the agent's console says: `online` (taking conversations), `away`, or `offline` when signing out. Consoles
   * repeat it as a heartbeat; one that stops counts as offline after a while (round-robin.ts).
   */
  async setPresence(agent: Agent, presence: Presence): Promise<AgentStatus> {
    await this.deps.tickets.setPresence(agent.id, presence, this.deps.now().toISOString());
    if (presence === 'online') await this.deps.autoAssignment?.dispatch();
    const status = (await this.team()).find((entry) => entry.id === agent.id);
    if (status === undefined) throw new AppError('not_found:agent', `agent ${agent.id} does not exist`);
    return status;
  }

  /** Every agent with their presence and load: whom a lead can assign to, and who is online. */
  async team(): Promise<AgentStatus[]> {
    const now = this.deps.now();
    return (await this.deps.tickets.agentLoads()).map((load) => ({
      id: load.id,
      name: load.name,
      role: load.role,
      presence: effectivePresence(load, now),
      openTickets: load.openTickets,
    }));
  }

  /**
   * Signs the agent out everywhere (or revokes a lost token): a new token replaces the old one, which stops working at
   * once in this process and within a minute in others (AGENT_MEMORY_MS). The new token is returned once.
   */
  async replaceToken(agentId: string, oldToken?: string): Promise<{ readonly agent: Agent; readonly token: string }> {
    const token = newToken();
    const agent = await this.deps.tickets.replaceAgentToken(agentId, await hashToken(token));
    if (agent === undefined) throw new AppError('not_found:agent', `agent ${agentId} does not exist`);
    if (oldToken !== undefined) this.agentsByHash.delete(await hashToken(oldToken));
    return { agent, token };
  }

  /** Creates an agent and returns its token, which is stored only as a hash and cannot be shown again. */
  async addAgent(name: string, role: AgentRole, token: string): Promise<Agent> {
    return this.deps.tickets.createAgent({
      id: this.deps.newId(),
      name,
      role,
      tokenHash: await hashToken(token),
      at: this.deps.now().toISOString(),
    });
  }
}
