// TicketStore over the SQL connection port: every change reads the ticket inside its write transaction, asks
// the desk's rules what may happen, and applies the answer, so two agents never both own a ticket and a state
// change never interleaves with another. Runtime: any.
import type { Customer, HandoffReason, Message } from '../../core/conversation/conversation.ts';
import {
  actorOf,
  assertAssignee,
  assertMayRate,
  decideTicket,
  OPEN_TICKET_STATUSES,
  type TicketCommand,
} from '../../core/desk/desk-rules.ts';
import { ERASED_TOKEN_HASH } from '../../core/desk/erasure.ts';
import { events, type StoredEvent } from '../../core/desk/events.ts';
import { takeAttachments } from './sql-attachment-records.ts';
import { AppError } from '../../core/errors.ts';
import { customerKeyOf, floodMarkOf } from '../../core/queue/flood.ts';
import type { TicketIntake } from '../../core/intake/ticket-intake.ts';
import type { TicketTriage } from '../../core/queue/retriage.ts';
import type { AgentLoad, Presence } from '../../core/queue/round-robin.ts';
import type {
  BulkCloseResult,
  CustomerConversationRecord,
  CustomerErasure,
  ErasureCounts,
  NewTicket,
  SourceTicket,
  Note,
  RatingComment,
  TicketFilter,
  TicketStore,
} from '../../core/ports/ticket-store.ts';
import type { Agent, AgentRole, Priority, Ticket, TicketStatus, TicketSummary } from '../../core/queue/ticket.ts';
import type { Lang } from '../../core/text/lang.ts';
import { customerRecords, eraseCustomer, eraseExpired } from './sql-customer-data.ts';
import type { SqlWrites } from './sql-writes.ts';

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
  grouped_with: string | null;
  intake: string | null;
}

const TICKET_SELECT = `SELECT tickets.*, conversations.customer AS customer
  FROM tickets JOIN conversations ON conversations.id = tickets.conversation_id`;
const OPEN = OPEN_TICKET_STATUSES.map((status) => `'${status}'`).join(', ');
const QUEUED = "'waiting', 'transferred'";

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
    groupedWith: row.grouped_with,
    intake: row.intake === null ? null : (JSON.parse(row.intake) as TicketIntake),
  };
}

/** A search's words (at most five, each at most 100 characters); empty without a query. */
function searchWords(query: string | undefined): string[] {
  if (query === undefined) return [];
  return query
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 5)
    .map((word) => word.slice(0, 100));
}

/**
 * The spellings a word is looked for in: as typed, lower case, capitalised and upper case. SQLite's LIKE ignores
 * case only for ASCII letters, and «анна» must find «Анна».
 */
function spellings(word: string): string[] {
  const lower = word.toLocaleLowerCase();
  return [...new Set([word, lower, lower.charAt(0).toLocaleUpperCase() + lower.slice(1), word.toLocaleUpperCase()])];
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

const stateOf = (row: TicketRow) => ({
  id: row.id,
  status: row.status as TicketStatus,
  assigneeId: row.assignee_id,
  group: row.group_name,
});

export class SqlTicketStore implements TicketStore {
  constructor(private readonly writes: SqlWrites) {}

  private get sql() {
    return this.writes.sql;
  }

  private row(id: string): TicketRow | undefined {
    return this.sql.get<TicketRow>(`${TICKET_SELECT} WHERE tickets.id = ?`, id);
  }

  private required(id: string): TicketRow {
    const row = this.row(id);
    if (row === undefined) throw new AppError('not_found:ticket', `ticket ${id} does not exist`);
    return row;
  }

  /** Inserts a handoff's ticket; called inside the bot reply's write transaction, which records its events. */
  insertTicket(conversationId: string, ticket: NewTicket, status: TicketStatus, at: string): void {
    const origin = this.originOf(conversationId);
    // The language the customer wrote in (detected by the reply) before the one the conversation was opened with.
    const summaryLang = (ticket.signals.lang as string | undefined) ?? origin?.lang ?? 'ru';
    this.sql.run(
      `INSERT INTO tickets (id, conversation_id, status, group_name, priority, priority_score, reasons, signals, summary,
         lang, sla_due_at, created_at, updated_at, source, customer_key, grouped_with, intake)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ticket.id,
      conversationId,
      status,
      ticket.group,
      ticket.priority,
      ticket.priorityScore,
      JSON.stringify(ticket.reasons),
      JSON.stringify(ticket.signals),
      JSON.stringify(ticket.summary),
      summaryLang,
      ticket.slaDueAt,
      at,
      at,
      origin?.source ?? null,
      origin?.customerKey ?? null,
      floodMarkOf(ticket.signals)?.groupedWith ?? null,
      ticket.intake === undefined ? null : JSON.stringify(ticket.intake),
    );
  }

  /** Where a conversation's tickets come from: its language, source address key and customer key. */
  private originOf(conversationId: string) {
    const row = this.sql.get<{ lang: string | null; source: string | null; customer: string }>(
      'SELECT lang, source, customer FROM conversations WHERE id = ?',
      conversationId,
    );
    if (row === undefined) return undefined;
    return { lang: row.lang, source: row.source, customerKey: customerKeyOf(JSON.parse(row.customer) as Customer) };
  }

  /** The highest priority among the conversation's tickets handed back to the bot (inside a write). */
  releasedPriorityOf(conversationId: string): { priority: Priority; priorityScore: number } | undefined {
    const row = this.sql.get<{ priority: string; priority_score: number }>(
      `SELECT priority, priority_score FROM tickets WHERE conversation_id = ? AND status = 'released'
       ORDER BY priority_score DESC LIMIT 1`,
      conversationId,
    );
    return row === undefined ? undefined : { priority: row.priority as Priority, priorityScore: row.priority_score };
  }

  /** The tickets created since `since` from the conversation's source or customer, oldest first (inside a write or not). */
  sourceTicketsSince(conversationId: string, since: string): SourceTicket[] {
    const origin = this.originOf(conversationId);
    if (origin === undefined || (origin.source === null && origin.customerKey === null)) return [];
    const rows = this.sql.all<{ id: string; priority: string; status: string; grouped_with: string | null }>(
      `SELECT id, priority, status, grouped_with FROM tickets
       WHERE created_at >= ? AND ((source IS NOT NULL AND source = ?) OR (customer_key IS NOT NULL AND customer_key = ?))
       ORDER BY created_at, id`,
      since,
      origin.source,
      origin.customerKey,
    );
    return rows.map((row) => ({
      id: row.id,
      priority: row.priority as Priority,
      status: row.status as TicketStatus,
      groupedWith: row.grouped_with,
    }));
  }

  sourceTicketsOf(conversationId: string, since: string): Promise<SourceTicket[]> {
    return Promise.resolve(this.sourceTicketsSince(conversationId, since));
  }

  queuePosition(group: string, priorityScore: number): Promise<number> {
    const row = this.sql.get<{ ahead: number }>(
      `SELECT COUNT(*) AS ahead FROM tickets WHERE status IN (${QUEUED}) AND group_name = ? AND priority_score >= ?`,
      group,
      priorityScore,
    );
    return Promise.resolve((row?.ahead ?? 0) + 1);
  }

  positionOf(ticket: Ticket): Promise<number> {
    const row = this.sql.get<{ ahead: number }>(
      `SELECT COUNT(*) AS ahead FROM tickets WHERE status IN (${QUEUED}) AND group_name = ? AND id <> ?
         AND (priority_score > ? OR (priority_score = ? AND (sla_due_at < ? OR (sla_due_at = ? AND created_at < ?))))`,
      ticket.group,
      ticket.id,
      ticket.priorityScore,
      ticket.priorityScore,
      ticket.slaDueAt,
      ticket.slaDueAt,
      ticket.createdAt,
    );
    return Promise.resolve((row?.ahead ?? 0) + 1);
  }

  listTickets(filter: TicketFilter): Promise<Ticket[]> {
    const where: string[] = [];
    const values: Array<string | number> = [];
    const words = searchWords(filter.query);
    if (filter.status !== undefined) {
      where.push('tickets.status = ?');
      values.push(filter.status);
    } else if (words.length === 0) where.push(`tickets.status IN (${OPEN})`);
    if (filter.assignee === null) where.push('tickets.assignee_id IS NULL');
    else if (filter.assignee !== undefined) {
      where.push('tickets.assignee_id = ?');
      values.push(filter.assignee);
    }
    if (filter.reason !== undefined) {
      where.push('EXISTS (SELECT 1 FROM json_each(tickets.reasons) WHERE json_each.value = ?)');
      values.push(filter.reason);
    }
    for (const word of words) {
      const variants = spellings(word).map((spelling) => `%${escapeLike(spelling)}%`);
      const like = (column: string) => variants.map(() => `${column} LIKE ? ESCAPE '\\'`).join(' OR ');
      where.push(
        `(tickets.id = ? OR tickets.conversation_id = ? OR ${like("json_extract(conversations.customer, '$.name')")}
          OR ${like("json_extract(conversations.customer, '$.email')")}
          OR ${like("json_extract(conversations.customer, '$.id')")}
          OR EXISTS (SELECT 1 FROM messages WHERE messages.conversation_id = tickets.conversation_id
            AND (${like('messages.text')})))`,
      );
      values.push(word, word, ...variants, ...variants, ...variants, ...variants);
    }
    if (filter.group !== undefined) {
      where.push('tickets.group_name = ?');
      values.push(filter.group);
    }
    if (filter.lang !== undefined) {
      where.push('tickets.lang = ?');
      values.push(filter.lang);
    }
    if (filter.flood === true) where.push('tickets.grouped_with IS NOT NULL');
    else if (filter.flood !== undefined) {
      where.push('(tickets.grouped_with = ? OR tickets.id = ?)');
      values.push(filter.flood, filter.flood);
    }
    const queued = words.length === 0 && (filter.status === undefined || OPEN_TICKET_STATUSES.includes(filter.status));
    const order = queued
      ? 'ORDER BY tickets.priority_score DESC, tickets.sla_due_at ASC, tickets.created_at ASC'
      : 'ORDER BY tickets.updated_at DESC, tickets.id DESC';
    const limit = filter.limit === undefined ? '' : ` LIMIT ${Math.max(1, Math.floor(filter.limit))}`;
    const rows = this.sql.all<TicketRow>(`${TICKET_SELECT} WHERE ${where.join(' AND ')} ${order}${limit}`, ...values);
    return Promise.resolve(rows.map(toTicket));
  }

  getTicket(id: string): Promise<Ticket | undefined> {
    const row = this.row(id);
    return Promise.resolve(row === undefined ? undefined : toTicket(row));
  }

  openTicketOf(conversationId: string): Promise<Ticket | undefined> {
    const row = this.sql.get<TicketRow>(
      `${TICKET_SELECT} WHERE tickets.conversation_id = ? AND tickets.status IN (${OPEN})`,
      conversationId,
    );
    return Promise.resolve(row === undefined ? undefined : toTicket(row));
  }

  /** Applies one decided transition: the ticket's row, its conversation's status and the event, together. */
  private change(
    id: string,
    command: TicketCommand,
    at: string,
    alsoWrite?: (conversationId: string) => void,
  ): Promise<Ticket> {
    return this.writes.run(() => {
      const row = this.required(id);
      const next = decideTicket(stateOf(row), command);
      if (next.reopened === true) this.assertNoOtherOpenTicket(row);
      const reopened = next.reopened === true ? 1 : 0;
      const changed = this.sql.run(
        `UPDATE tickets SET status = ?, assignee_id = ?, group_name = ?, updated_at = ?,
           claimed_at = CASE WHEN ? THEN COALESCE(claimed_at, ?) ELSE claimed_at END,
           resolved_at = CASE WHEN ? THEN NULL WHEN ? IS NOT NULL THEN ? ELSE resolved_at END,
           resolution = CASE WHEN ? THEN NULL ELSE COALESCE(?, resolution) END
         WHERE id = ? AND status = ? AND assignee_id IS ?`,
        next.ticket.status,
        next.ticket.assigneeId,
        next.ticket.group,
        at,
        next.claimed ? 1 : 0,
        at,
        reopened,
        next.resolution ?? null,
        at,
        reopened,
        next.resolution ?? null,
        id,
        row.status,
        row.assignee_id,
      ).changes;
      if (changed !== 1) throw new AppError('conflict:ticket', 'this ticket changed meanwhile; reload it');
      if (next.claimed && next.ticket.assigneeId !== null)
        this.sql.run('UPDATE agents SET last_assigned_at = ? WHERE id = ?', at, next.ticket.assigneeId);
      this.writes.setConversationStatus(row.conversation_id, next.conversation, at);
      alsoWrite?.(row.conversation_id);
      this.writes.record(row.conversation_id, actorOf(command.agent), at, next.event);
      return toTicket(this.required(id));
    });
  }

  claimTicket(id: string, agent: Agent, at: string): Promise<Ticket> {
    return this.change(id, { kind: 'claim', agent }, at);
  }

  /** A conversation has one open ticket at most: a closed one cannot be reopened beside a newer open one. */
  private assertNoOtherOpenTicket(row: TicketRow): void {
    const open = this.sql.get<{ id: string }>(
      `SELECT id FROM tickets WHERE conversation_id = ? AND status IN (${OPEN}) AND id <> ?`,
      row.conversation_id,
      row.id,
    );
    if (open !== undefined)
      throw new AppError('conflict:ticket', `this conversation has an open ticket, ${open.id}: work on that one`);
  }

  reopenTicket(id: string, agent: Agent, at: string): Promise<Ticket> {
    return this.change(id, { kind: 'reopen', agent }, at);
  }

  async assignTicket(id: string, by: Agent | 'auto', assigneeId: string, at: string): Promise<Ticket> {
    const assignee = this.sql.get<Agent>('SELECT id, name, role FROM agents WHERE id = ?', assigneeId);
    if (assignee === undefined) throw new AppError('not_found:agent', `agent ${assigneeId} does not exist`);
    return await this.change(id, { kind: 'assign', agent: by, assignee }, at);
  }

  transferTicket(id: string, agent: Agent, group: string, at: string): Promise<Ticket> {
    return this.change(id, { kind: 'transfer', agent, group }, at);
  }

  releaseTicket(id: string, agent: Agent, at: string, notice?: { messageId: string; text: string }): Promise<Ticket> {
    return this.change(id, { kind: 'release', agent, notice }, at, (conversationId) => {
      if (notice !== undefined) this.writes.addSystemMessage(conversationId, notice.messageId, notice.text, at);
    });
  }

  resolveTicket(id: string, agent: Agent, resolution: string, at: string): Promise<Ticket> {
    return this.change(id, { kind: 'resolve', agent, resolution }, at);
  }

  async closeTickets(input: {
    ids: readonly string[];
    agent: Agent;
    resolution: string;
    at: string;
  }): Promise<BulkCloseResult> {
    const closed: string[] = [];
    const skipped: Array<{ id: string; code: string; message: string }> = [];
    for (const id of new Set(input.ids)) {
      try {
        await this.change(id, { kind: 'close', agent: input.agent, resolution: input.resolution }, input.at);
        closed.push(id);
      } catch (error) {
        if (!(error instanceof AppError) || error.kind === 'forbidden') throw error;
        skipped.push({ id, code: error.code, message: error.message });
      }
    }
    return { closed, skipped };
  }

  retriageTicket(input: {
    ticketId: string;
    triage: TicketTriage;
    added: readonly HandoffReason[];
    raised: boolean;
    intake?: TicketIntake | undefined;
    notice?: { readonly messageId: string; readonly text: string } | undefined;
    at: string;
  }): Promise<{ ticket: Ticket; notice: Message | null } | undefined> {
    return this.writes.run(() => {
      const row = this.row(input.ticketId);
      if (row === undefined || !OPEN_TICKET_STATUSES.includes(row.status as TicketStatus)) return undefined;
      const { triage } = input;
      this.sql.run(
        `UPDATE tickets SET reasons = ?, signals = ?, priority = ?, priority_score = ?, sla_due_at = ?, summary = ?,
           intake = COALESCE(?, intake), updated_at = ? WHERE id = ?`,
        JSON.stringify(triage.reasons),
        JSON.stringify(triage.signals),
        triage.priority,
        triage.priorityScore,
        triage.slaDueAt,
        JSON.stringify(triage.summary),
        input.intake === undefined ? null : JSON.stringify(input.intake),
        input.at,
        input.ticketId,
      );
      const notice =
        input.notice === undefined
          ? null
          : this.writes.addSystemMessage(row.conversation_id, input.notice.messageId, input.notice.text, input.at);
      if (input.added.length > 0 || input.raised)
        this.writes.record(
          row.conversation_id,
          'customer',
          input.at,
          events.ticketRetriaged({
            ticketId: input.ticketId,
            added: input.added,
            priority: triage.priority,
            slaDueAt: triage.slaDueAt,
          }),
        );
      return { ticket: toTicket(this.required(input.ticketId)), notice };
    });
  }

  addAgentMessage(input: {
    ticketId: string;
    agent: Agent;
    messageId: string;
    text: string;
    at: string;
    attachmentIds?: readonly string[] | undefined;
  }): Promise<Message> {
    return this.writes.run((): Message => {
      const row = this.required(input.ticketId);
      assertAssignee(stateOf(row), input.agent);
      const attachments = takeAttachments(this.sql, row.conversation_id, input.messageId, input.attachmentIds ?? []);
      const seq = this.writes.nextMessageSeq(row.conversation_id);
      this.sql.run(
        "INSERT INTO messages (id, conversation_id, seq, role, text, at, author_id) VALUES (?, ?, ?, 'agent', ?, ?, ?)",
        input.messageId,
        row.conversation_id,
        seq,
        input.text,
        input.at,
        input.agent.id,
      );
      this.sql.run(
        'UPDATE tickets SET first_response_at = COALESCE(first_response_at, ?), updated_at = ? WHERE id = ?',
        input.at,
        input.at,
        input.ticketId,
      );
      const event = events.agentMessageSent({
        ticketId: input.ticketId,
        messageId: input.messageId,
        agentName: input.agent.name,
        text: input.text,
        ...(attachments.length === 0 ? {} : { attachments }),
      });
      this.writes.record(row.conversation_id, actorOf(input.agent), input.at, event);
      return {
        id: input.messageId,
        conversationId: row.conversation_id,
        role: 'agent',
        text: input.text,
        at: input.at,
        author: { id: input.agent.id, name: input.agent.name },
        ...(attachments.length === 0 ? {} : { attachments }),
      };
    });
  }

  addNote(input: { ticketId: string; agent: Agent; noteId: string; text: string; at: string }): Promise<Note> {
    return this.writes.run(() => {
      const row = this.required(input.ticketId);
      this.sql.run(
        'INSERT INTO ticket_notes (id, ticket_id, agent_id, text, at) VALUES (?, ?, ?, ?, ?)',
        input.noteId,
        input.ticketId,
        input.agent.id,
        input.text,
        input.at,
      );
      this.writes.record(
        row.conversation_id,
        actorOf(input.agent),
        input.at,
        events.noteAdded({ ticketId: input.ticketId, noteId: input.noteId }),
      );
      return { id: input.noteId, ticketId: input.ticketId, agentId: input.agent.id, text: input.text, at: input.at };
    });
  }

  updateSummary(ticketId: string, summary: TicketSummary, at: string): Promise<void> {
    return this.writes.run(() => {
      const row = this.required(ticketId);
      // A model's summary arriving after the customer's data was erased would bring their words back.
      if (
        this.sql.get(
          'SELECT 1 FROM conversations WHERE id = ? AND token_hash = ?',
          row.conversation_id,
          ERASED_TOKEN_HASH,
        )
      )
        return;
      this.sql.run('UPDATE tickets SET summary = ? WHERE id = ?', JSON.stringify(summary), ticketId);
      this.writes.record(
        row.conversation_id,
        'bot',
        at,
        events.ticketSummaryUpdated({ ticketId, source: summary.source }),
      );
    });
  }

  listNotes(ticketId: string): Promise<Note[]> {
    return Promise.resolve(
      this.sql.all<Note>(
        // A conversation handed back to the bot and handed off again keeps its earlier tickets' notes.
        `SELECT id, ticket_id AS ticketId, agent_id AS agentId, text, at FROM ticket_notes
         WHERE ticket_id IN (SELECT id FROM tickets WHERE conversation_id =
           (SELECT conversation_id FROM tickets WHERE id = ?))
         ORDER BY at, id`,
        ticketId,
      ),
    );
  }

  addRating(input: { conversationId: string; score: number; comment?: string | undefined; at: string }): Promise<void> {
    return this.writes.run(() => {
      const resolved =
        this.sql.get(
          "SELECT 1 FROM tickets WHERE conversation_id = ? AND status = 'resolved' LIMIT 1",
          input.conversationId,
        ) !== undefined;
      const rated = this.sql.get('SELECT 1 FROM ratings WHERE conversation_id = ?', input.conversationId) !== undefined;
      assertMayRate({ resolved, rated });
      this.sql.run(
        'INSERT INTO ratings (conversation_id, score, comment, at) VALUES (?, ?, ?, ?)',
        input.conversationId,
        input.score,
        input.comment ?? null,
        input.at,
      );
      this.writes.record(
        input.conversationId,
        'customer',
        input.at,
        events.ratingReceived({ score: input.score, hasComment: input.comment !== undefined }),
      );
    });
  }

  createAgent(input: { id: string; name: string; role: AgentRole; tokenHash: string; at: string }): Promise<Agent> {
    return this.writes.run(() => {
      this.sql.run(
        'INSERT INTO agents (id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
        input.id,
        input.name,
        input.role,
        input.tokenHash,
        input.at,
      );
      return { id: input.id, name: input.name, role: input.role };
    });
  }

  findAgentByTokenHash(tokenHash: string): Promise<Agent | undefined> {
    return Promise.resolve(this.sql.get<Agent>('SELECT id, name, role FROM agents WHERE token_hash = ?', tokenHash));
  }

  replaceAgentToken(agentId: string, tokenHash: string): Promise<Agent | undefined> {
    return this.writes.run(() => {
      if (this.sql.run('UPDATE agents SET token_hash = ? WHERE id = ?', tokenHash, agentId).changes === 0)
        return undefined;
      return this.sql.get<Agent>('SELECT id, name, role FROM agents WHERE id = ?', agentId);
    });
  }

  setPresence(agentId: string, presence: Presence, at: string): Promise<void> {
    return this.writes.run(() => {
      this.sql.run('UPDATE agents SET presence = ?, seen_at = ? WHERE id = ?', presence, at, agentId);
    });
  }

  agentLoads(): Promise<AgentLoad[]> {
    const rows = this.sql.all<{
      id: string;
      name: string;
      role: AgentRole;
      presence: Presence;
      seen_at: string | null;
      last_assigned_at: string | null;
      open_tickets: number;
    }>(
      `SELECT agents.id, agents.name, agents.role, agents.presence, agents.seen_at, agents.last_assigned_at,
         (SELECT COUNT(*) FROM tickets WHERE tickets.assignee_id = agents.id AND tickets.status = 'assigned')
           AS open_tickets
       FROM agents ORDER BY agents.created_at, agents.id`,
    );
    return Promise.resolve(
      rows.map((row) => ({
        id: row.id,
        name: row.name,
        role: row.role,
        presence: row.presence,
        seenAt: row.seen_at,
        lastAssignedAt: row.last_assigned_at,
        openTickets: row.open_tickets,
      })),
    );
  }

  listAgents(): Promise<Agent[]> {
    return Promise.resolve(this.sql.all<Agent>('SELECT id, name, role FROM agents ORDER BY created_at, id'));
  }

  ratingComments(input: { from: string; to: string; limit: number }): Promise<RatingComment[]> {
    return Promise.resolve(
      this.sql.all<RatingComment>(
        `SELECT conversation_id AS conversationId, score, comment, at FROM ratings
         WHERE comment IS NOT NULL AND comment <> '' AND at >= ? AND at < ?
         ORDER BY at DESC, conversation_id LIMIT ?`,
        input.from,
        input.to,
        input.limit,
      ),
    );
  }

  customerRecords(key: string): Promise<CustomerConversationRecord[]> {
    return Promise.resolve(
      customerRecords(this.writes, key, (conversationId) =>
        this.sql
          .all<TicketRow>(
            `${TICKET_SELECT} WHERE tickets.conversation_id = ? ORDER BY tickets.created_at, tickets.id`,
            conversationId,
          )
          .map(toTicket),
      ),
    );
  }

  eraseCustomer(input: CustomerErasure): Promise<ErasureCounts> {
    return this.writes.run(() => eraseCustomer(this.writes, input));
  }

  eraseExpired(input: {
    before: string;
    limit: number;
    by: string;
    actor: string;
    at: string;
  }): Promise<ErasureCounts> {
    return this.writes.run(() => eraseExpired(this.writes, input));
  }

  lastEventSeq(): Promise<number> {
    return Promise.resolve(this.writes.log.lastSeq());
  }

  eventsAfter(
    after: number,
    options: { conversationId?: string | undefined; limit?: number | undefined } = {},
  ): Promise<StoredEvent[]> {
    return Promise.resolve(this.writes.log.after(after, options));
  }
}
