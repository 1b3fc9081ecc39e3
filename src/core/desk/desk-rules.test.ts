import { describe, expect, it } from 'vitest';
import type { ConversationStatus } from '../conversation/conversation.ts';
import type { AppError } from '../errors.ts';
import type { Agent, TicketStatus } from '../queue/ticket.ts';
import {
  botMayReply,
  conversationStatusFor,
  decideTicket,
  receiveCustomerMessage,
  sendBotReply,
  statusAfter,
  type TicketCommand,
} from './desk-rules.ts';

const ann: Agent = { id: 'a1', name: 'Ann', role: 'agent' };
const bob: Agent = { id: 'a2', name: 'Bob', role: 'agent' };
const ticket = (status: TicketStatus, assigneeId: string | null = null) => ({
  id: 't1',
  status,
  assigneeId,
  group: 'first-line',
});
const STATUSES: readonly TicketStatus[] = ['waiting', 'assigned', 'transferred', 'resolved', 'released'];
const outcome = (status: TicketStatus, assigneeId: string | null, command: TicketCommand) => {
  try {
    return decideTicket(ticket(status, assigneeId), command).ticket.status;
  } catch (error) {
    return (error as AppError).code;
  }
};

describe('the desk rules', () => {
  it('lets a queued ticket be claimed and nothing else be claimed', () => {
    expect(
      STATUSES.map((status) => outcome(status, status === 'assigned' ? 'a2' : null, { kind: 'claim', agent: ann })),
    ).toEqual(['assigned', 'conflict:ticket', 'assigned', 'conflict:ticket', 'conflict:ticket']);
  });

  it('lets only the assignee transfer, release or resolve', () => {
    for (const command of [
      { kind: 'transfer', agent: ann, group: 'billing' },
      { kind: 'release', agent: ann },
      { kind: 'resolve', agent: ann, resolution: 'ok' },
    ] as const) {
      expect(outcome('assigned', 'a1', command)).not.toBe('conflict:ticket');
      expect(outcome('assigned', 'a2', command)).toBe('conflict:ticket');
      for (const status of ['waiting', 'transferred', 'resolved', 'released'] as const)
        expect(outcome(status, null, command)).toBe('conflict:ticket');
    }
    expect(() => decideTicket(ticket('assigned', 'a2'), { kind: 'resolve', agent: ann, resolution: 'x' })).toThrow(
      'this ticket belongs to another agent',
    );
  });

  it('reopens only closed tickets, for whoever asks, and clears the resolution', () => {
    expect(
      STATUSES.map((status) => outcome(status, status === 'assigned' ? 'a2' : null, { kind: 'reopen', agent: ann })),
    ).toEqual(['conflict:ticket', 'conflict:ticket', 'conflict:ticket', 'assigned', 'assigned']);
    expect(decideTicket(ticket('resolved', 'a2'), { kind: 'reopen', agent: ann })).toMatchObject({
      ticket: { status: 'assigned', assigneeId: 'a1' },
      conversation: 'assigned',
      reopened: true,
      event: { type: 'ticket-reopened', data: { ticketId: 't1', agentId: 'a1', from: 'resolved' } },
    });
  });

  it('lets leads assign any open ticket to anyone, agents only themselves, auto-assignment only unclaimed ones', () => {
    const lead: Agent = { id: 'l1', name: 'Lea', role: 'lead' };
    const assign = (status: TicketStatus, by: Agent | 'auto', assignee: Agent, owner: string | null = null) =>
      outcome(status, owner, { kind: 'assign', agent: by, assignee });
    expect(STATUSES.map((status) => assign(status, lead, ann, status === 'assigned' ? 'a2' : null))).toEqual([
      'assigned',
      'assigned',
      'assigned',
      'conflict:ticket',
      'conflict:ticket',
    ]);
    expect(assign('waiting', ann, bob)).toBe('forbidden:role');
    expect(assign('waiting', ann, ann)).toBe('assigned');
    expect(assign('assigned', ann, ann, 'a2')).toBe('conflict:ticket');
    expect(assign('assigned', lead, ann, 'a1')).toBe('conflict:ticket');
    expect(assign('waiting', 'auto', bob)).toBe('assigned');
    expect(assign('assigned', 'auto', bob, 'a1')).toBe('conflict:ticket');
    expect(decideTicket(ticket('waiting'), { kind: 'assign', agent: 'auto', assignee: bob }).event).toEqual({
      type: 'ticket-assigned',
      data: { ticketId: 't1', agentId: 'a2', agentName: 'Bob', by: 'auto' },
    });
  });

  it('moves the conversation with its ticket and records the step', () => {
    const transfer = decideTicket(ticket('assigned', 'a1'), { kind: 'transfer', agent: ann, group: 'billing' });
    expect(transfer).toMatchObject({
      ticket: { status: 'transferred', assigneeId: null, group: 'billing' },
      conversation: 'transferred',
    });
    expect(transfer.event).toEqual({
      type: 'ticket-transferred',
      data: { ticketId: 't1', agentName: 'Ann', from: 'first-line', to: 'billing' },
    });
    expect(decideTicket(ticket('transferred'), { kind: 'claim', agent: bob })).toMatchObject({
      ticket: { assigneeId: 'a2' },
      conversation: 'assigned',
      claimed: true,
    });
    expect(decideTicket(ticket('assigned', 'a1'), { kind: 'release', agent: ann }).conversation).toBe('bot');
    expect(STATUSES.map(conversationStatusFor)).toEqual(['waiting', 'assigned', 'transferred', 'resolved', 'bot']);
  });

  it('lets the bot write only while it owns the conversation, and a handoff always opens a ticket', () => {
    const statuses: ConversationStatus[] = ['bot', 'waiting', 'assigned', 'transferred', 'resolved'];
    expect(statuses.map(botMayReply)).toEqual([true, false, false, false, false]);
    const reply = { messageId: 'r1', replyTo: 'm1', action: 'answer' as const, score: 0.9 };
    expect(sendBotReply('assigned', reply)).toEqual({
      delivered: false,
      events: [{ type: 'reply-dropped', data: { replyTo: 'm1', status: 'assigned' } }],
    });
    const handoff = sendBotReply(
      'bot',
      { ...reply, action: 'handoff', reasons: ['emotion'] },
      { id: 't1', reasons: ['emotion'], priority: 'high', group: 'first-line', slaDueAt: 'x' },
    );
    expect(handoff).toMatchObject({ delivered: true, status: 'waiting', ticketStatus: 'waiting' });
    expect(handoff.events.map((event) => event.type)).toEqual([
      'reply-sent',
      'conversation-handed-off',
      'ticket-created',
    ]);
    expect(() => sendBotReply('bot', { ...reply, action: 'handoff' })).toThrow(/opens a ticket/);
  });

  it('reopens a resolved conversation for the bot when the customer writes again', () => {
    expect(receiveCustomerMessage('resolved', 'm9')).toEqual({
      status: 'bot',
      events: [
        { type: 'conversation-reopened', data: { from: 'resolved', to: 'bot' } },
        { type: 'message-received', data: { messageId: 'm9', status: 'bot' } },
      ],
    });
    expect(receiveCustomerMessage('assigned', 'm9').status).toBe('assigned');
  });

  it('reads the status change of every event the rules emit back from the event itself', () => {
    const steps = [
      decideTicket(ticket('waiting'), { kind: 'claim', agent: ann }),
      decideTicket(ticket('assigned', 'a1'), { kind: 'transfer', agent: ann, group: 'g' }),
      decideTicket(ticket('assigned', 'a1'), { kind: 'release', agent: ann }),
      decideTicket(ticket('assigned', 'a1'), { kind: 'resolve', agent: ann, resolution: 'r' }),
    ];
    for (const step of steps) expect(statusAfter(step.event)).toBe(step.conversation);
  });
});
