// TicketStore on SQLite: every change checks the current state inside its write transaction, so two
// agents can never both own a ticket and a state change never interleaves with another. Runtime: Node.
import type { ConversationEvent, Customer, HandoffReason, Message } from '../../core/conversation/conversation.ts';
import { AppError } from '../../core/errors.ts';
import type { NewTicket, Note, TicketFilter, TicketStore } from '../../core/ports/ticket-store.ts';
import type { Agent, AgentRole, Priority, Ticket, TicketStatus, TicketSummary } from '../../core/queue/ticket.ts';
import type { Lang } from '../../core/text/lang.ts';
import type { SqliteDatabase } from './sqlite-database.ts';

interface TicketRow {
  id: string;
  conversation_id: string;
  status: string;
  group_name: string;
  priority: string;
  priority_score: number;
  reasons: string;
  signals: string;
  summary: string;
  lang: string;
  customer: string;
  assignee_id: string | null;
  sla_due_at: string;
  created_at: string;
  claimed_at: string | null;
  first_response_at: string | null;
  resolved_at: string | null;
  resolution: string | null;
  updated_at: string;
}

const TICKET_SELECT = 'SELECT tickets.*, conversations.customer AS customer FROM tickets JOIN conversations ON conversations.id = tickets.conversation_id';

function toTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    status: row.status as TicketStatus,
    group: row.group_name,
    priority: row.priority as Priority,
    priorityScore: row.priority_score,
    reasons: JSON.parse(row.reasons) as HandoffReason[],
    signals: JSON.parse(row.signals) as Record<string, unknown>,
    summary: JSON.parse(row.summary) as TicketSummary,
    lang: row.lang as Lang,
    customer: JSON.parse(row.customer) as Customer,
    assigneeId: row.assignee_id,
    slaDueAt: row.sla_due_at,
    createdAt: row.created_at,
    claimedAt: row.claimed_at,
    firstResponseAt: row.first_response_at,
    resolvedAt: row.resolved_at,
    resolution: row.resolution,
    updatedAt: row.updated_at,
  };
}

const actorOf = (agent: Agent) => `agent:${agent.id}`;

export class SqliteTicketStore implements TicketStore {
  constructor(private readonly db: SqliteDatabase) {}

  private row(id: string): TicketRow | undefined {
    return this.db.sql(`${TICKET_SELECT} WHERE tickets.id = ?`).get(id) as TicketRow | undefined;
  }

  private required(id: string): TicketRow {
    const row = this.row(id);
    if (row === undefined) throw new AppError('not_found:ticket', `ticket ${id} does not exist`);
    return row;
  }

  private setConversationStatus(conversationId: string, status: string, at: string): void {
    this.db.sql('UPDATE conversations SET status = ?, updated_at = ? WHERE id = ?').run(status, at, conversationId);
  }

  /** Inserts a ticket; called inside the bot reply's write transaction. */
  insertTicket(conversationId: string, ticket: NewTicket, at: string): void {
    const lang = (this.db.sql('SELECT lang FROM conversations WHERE id = ?').get(conversationId) as { lang: string | null } | undefined)?.lang;
    const summaryLang = lang ?? (ticket.signals.lang as string | undefined) ?? 'ru';
    this.db
      .sql(
        'INSERT INTO tickets (id, conversation_id, status, group_name, priority, priority_score, reasons, signals, summary, lang, sla_due_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(ticket.id, conversationId, 'waiting', ticket.group, ticket.priority, ticket.priorityScore, JSON.stringify(ticket.reasons), JSON.stringify(ticket.signals), JSON.stringify(ticket.summary), summaryLang, ticket.slaDueAt, at, at);
    this.db.event(conversationId, 'ticket-created', 'bot', at, { ticketId: ticket.id, reasons: ticket.reasons, priority: ticket.priority, group: ticket.group, slaDueAt: ticket.slaDueAt });
  }

  queuePosition(group: string, priorityScore: number): Promise<number> {
    const row = this.db.sql("SELECT COUNT(*) AS ahead FROM tickets WHERE status IN ('waiting', 'transferred') AND group_name = ? AND priority_score >= ?").get(group, priorityScore) as { ahead: number };
    return Promise.resolve(row.ahead + 1);
  }

  positionOf(ticket: Ticket): Promise<number> {
    const row = this.db
      .sql(
        `SELECT COUNT(*) AS ahead FROM tickets WHERE status IN ('waiting', 'transferred') AND group_name = ? AND id <> ?
           AND (priority_score > ? OR (priority_score = ? AND (sla_due_at < ? OR (sla_due_at = ? AND created_at < ?))))`,
      )
      .get(ticket.group, ticket.id, ticket.priorityScore, ticket.priorityScore, ticket.slaDueAt, ticket.slaDueAt, ticket.createdAt) as { ahead: number };
    return Promise.resolve(row.ahead + 1);
  }

  listTickets(filter: TicketFilter): Promise<Ticket[]> {
    const where: string[] = [];
    const values: string[] = [];
    if (filter.status !== undefined) {
      where.push('tickets.status = ?');
      values.push(filter.status);
    } else where.push("tickets.status IN ('waiting', 'assigned', 'transferred')");
    if (filter.group !== undefined) {
      where.push('tickets.group_name = ?');
      values.push(filter.group);
    }
    if (filter.lang !== undefined) {
      where.push('tickets.lang = ?');
      values.push(filter.lang);
    }
    const rows = this.db.sql(`${TICKET_SELECT} WHERE ${where.join(' AND ')} ORDER BY tickets.priority_score DESC, tickets.sla_due_at ASC, tickets.created_at ASC`).all(...values) as TicketRow[];
    return Promise.resolve(rows.map(toTicket));
  }

  getTicket(id: string): Promise<Ticket | undefined> {
    const row = this.row(id);
    return Promise.resolve(row === undefined ? undefined : toTicket(row));
  }

  openTicketOf(conversationId: string): Promise<Ticket | undefined> {
    const row = this.db.sql(`${TICKET_SELECT} WHERE tickets.conversation_id = ? AND tickets.status IN ('waiting', 'assigned', 'transferred')`).get(conversationId) as TicketRow | undefined;
    return Promise.resolve(row === undefined ? undefined : toTicket(row));
  }

  claimTicket(id: string, agent: Agent, at: string): Promise<Ticket> {
    return this.db.writes.run(() => {
      const current = this.required(id);
      const changed = this.db.sql("UPDATE tickets SET status = 'assigned', assignee_id = ?, claimed_at = COALESCE(claimed_at, ?), updated_at = ? WHERE id = ? AND status IN ('waiting', 'transferred')").run(agent.id, at, at, id).changes;
      if (changed !== 1) throw new AppError('conflict:ticket', current.status === 'assigned' ? 'this ticket was already claimed by another agent' : `this ticket is ${current.status} and cannot be claimed`);
      this.setConversationStatus(current.conversation_id, 'assigned', at);
      this.db.event(current.conversation_id, 'ticket-claimed', actorOf(agent), at, { ticketId: id, agentId: agent.id, agentName: agent.name });
      return toTicket(this.required(id));
    });
  }

  private assignedTo(row: TicketRow, agent: Agent): void {
    if (row.status !== 'assigned' || row.assignee_id !== agent.id) {
      throw new AppError('conflict:ticket', row.status === 'assigned' ? 'this ticket belongs to another agent' : `this ticket is ${row.status}: claim it first`);
    }
  }

  addAgentMessage(input: { ticketId: string; agent: Agent; messageId: string; text: string; at: string }): Promise<Message> {
    return this.db.writes.run((): Message => {
      const row = this.required(input.ticketId);
      this.assignedTo(row, input.agent);
      const seq = (this.db.sql('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM messages WHERE conversation_id = ?').get(row.conversation_id) as { next: number }).next;
      this.db.sql("INSERT INTO messages (id, conversation_id, seq, role, text, at, author_id) VALUES (?, ?, ?, 'agent', ?, ?, ?)").run(input.messageId, row.conversation_id, seq, input.text, input.at, input.agent.id);
      this.db.sql('UPDATE tickets SET first_response_at = COALESCE(first_response_at, ?), updated_at = ? WHERE id = ?').run(input.at, input.at, input.ticketId);
      this.db.event(row.conversation_id, 'agent-message-sent', actorOf(input.agent), input.at, { ticketId: input.ticketId, messageId: input.messageId, agentName: input.agent.name, text: input.text });
      return { id: input.messageId, conversationId: row.conversation_id, role: 'agent', text: input.text, at: input.at, author: { id: input.agent.id, name: input.agent.name } };
    });
  }

  addNote(input: { ticketId: string; agent: Agent; noteId: string; text: string; at: string }): Promise<Note> {
    return this.db.writes.run(() => {
      const row = this.required(input.ticketId);
      this.db.sql('INSERT INTO ticket_notes (id, ticket_id, agent_id, text, at) VALUES (?, ?, ?, ?, ?)').run(input.noteId, input.ticketId, input.agent.id, input.text, input.at);
      // The event carries no text: the customer's event stream must never reveal a note.
      this.db.event(row.conversation_id, 'note-added', actorOf(input.agent), input.at, { ticketId: input.ticketId, noteId: input.noteId });
      return { id: input.noteId, ticketId: input.ticketId, agentId: input.agent.id, text: input.text, at: input.at };
    });
  }

  updateSummary(ticketId: string, summary: TicketSummary, at: string): Promise<void> {
    return this.db.writes.run(() => {
      const row = this.required(ticketId);
      this.db.sql('UPDATE tickets SET summary = ? WHERE id = ?').run(JSON.stringify(summary), ticketId);
      this.db.event(row.conversation_id, 'ticket-summary-updated', 'bot', at, { ticketId, source: summary.source });
    });
  }

  listNotes(ticketId: string): Promise<Note[]> {
    const rows = this.db.sql('SELECT id, ticket_id AS ticketId, agent_id AS agentId, text, at FROM ticket_notes WHERE ticket_id = ? ORDER BY at, id').all(ticketId) as Note[];
    return Promise.resolve(rows);
  }

  private change(id: string, agent: Agent, at: string, apply: (row: TicketRow) => { status: TicketStatus; conversationStatus: string; event: string; data?: Record<string, unknown>; sql?: [string, unknown[]] }): Promise<Ticket> {
    return this.db.writes.run(() => {
      const row = this.required(id);
      const next = apply(row);
      const [extraSql, extraValues] = next.sql ?? ['', []];
      this.db.sql(`UPDATE tickets SET status = ?, updated_at = ?${extraSql} WHERE id = ?`).run(next.status, at, ...extraValues, id);
      this.setConversationStatus(row.conversation_id, next.conversationStatus, at);
      this.db.event(row.conversation_id, next.event, actorOf(agent), at, { ticketId: id, agentName: agent.name, ...next.data });
      return toTicket(this.required(id));
    });
  }

  transferTicket(id: string, agent: Agent, group: string, at: string): Promise<Ticket> {
    return this.change(id, agent, at, (row) => {
      this.assignedTo(row, agent);
      return { status: 'transferred', conversationStatus: 'transferred', event: 'ticket-transferred', data: { from: row.group_name, to: group }, sql: [', group_name = ?, assignee_id = NULL', [group]] };
    });
  }

  releaseTicket(id: string, agent: Agent, at: string): Promise<Ticket> {
    return this.change(id, agent, at, (row) => {
      this.assignedTo(row, agent);
      return { status: 'released', conversationStatus: 'bot', event: 'ticket-released' };
    });
  }

  resolveTicket(id: string, agent: Agent, resolution: string, at: string): Promise<Ticket> {
    return this.change(id, agent, at, (row) => {
      this.assignedTo(row, agent);
      return { status: 'resolved', conversationStatus: 'resolved', event: 'ticket-resolved', data: { resolution }, sql: [', resolved_at = ?, resolution = ?', [at, resolution]] };
    });
  }

  addRating(input: { conversationId: string; score: number; comment?: string | undefined; at: string }): Promise<void> {
    return this.db.writes.run(() => {
      const resolved = this.db.sql("SELECT 1 FROM tickets WHERE conversation_id = ? AND status = 'resolved' LIMIT 1").get(input.conversationId);
      if (resolved === undefined) throw new AppError('conflict:rating', 'a conversation can be rated after a specialist resolved it');
      const existing = this.db.sql('SELECT 1 FROM ratings WHERE conversation_id = ?').get(input.conversationId);
      if (existing !== undefined) throw new AppError('conflict:rating', 'this conversation was already rated');
      this.db.sql('INSERT INTO ratings (conversation_id, score, comment, at) VALUES (?, ?, ?, ?)').run(input.conversationId, input.score, input.comment ?? null, input.at);
      this.db.event(input.conversationId, 'rating-received', 'customer', input.at, { score: input.score, hasComment: input.comment !== undefined });
    });
  }

  createAgent(input: { id: string; name: string; role: AgentRole; tokenHash: string; at: string }): Promise<Agent> {
    return this.db.writes.run(() => {
      this.db.sql('INSERT INTO agents (id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(input.id, input.name, input.role, input.tokenHash, input.at);
      return { id: input.id, name: input.name, role: input.role };
    });
  }

  findAgentByTokenHash(tokenHash: string): Promise<Agent | undefined> {
    return Promise.resolve(this.db.sql('SELECT id, name, role FROM agents WHERE token_hash = ?').get(tokenHash) as Agent | undefined);
  }

  listAgents(): Promise<Agent[]> {
    return Promise.resolve(this.db.sql('SELECT id, name, role FROM agents ORDER BY created_at, id').all() as Agent[]);
  }

  lastEventSeq(): Promise<number> {
    return Promise.resolve((this.db.sql('SELECT COALESCE(MAX(seq), 0) AS seq FROM events').get() as { seq: number }).seq);
  }

  eventsAfter(after: number, options: { conversationId?: string | undefined; limit?: number | undefined } = {}): Promise<ConversationEvent[]> {
    const limit = options.limit ?? 500;
    const rows = (
      options.conversationId === undefined
        ? this.db.sql('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?').all(after, limit)
        : this.db.sql('SELECT * FROM events WHERE seq > ? AND conversation_id = ? ORDER BY seq LIMIT ?').all(after, options.conversationId, limit)
    ) as Array<{ seq: number; conversation_id: string; type: string; actor: string; at: string; data: string }>;
    return Promise.resolve(rows.map((row) => ({ seq: row.seq, conversationId: row.conversation_id, type: row.type, actor: row.actor, at: row.at, data: JSON.parse(row.data) as Record<string, unknown> })));
  }
}
