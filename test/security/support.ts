// Shared pieces of the security suites: the error-body check, staff with every role, and fixtures (a conversation
// handed off to a person, so it has a ticket) created through the real API.
import { expect } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import type { Agent, AgentRole } from '../../src/core/queue/ticket.ts';
import { openConversation, type TestService } from '../support/test-service.ts';

export interface ErrorJson {
  readonly error: { readonly code: string; readonly message: string };
}

/** Rate limits high enough that a table of requests from one address is never refused for volume. */
export const GENEROUS_LIMITS = {
  RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000',
  RATE_LIMIT_ADDRESS_PER_MINUTE: '10000000',
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '1000000',
  CONVERSATIONS_PER_ADDRESS_PER_HOUR: '10000000',
  CONVERSATIONS_PER_CUSTOMER_PER_HOUR: '10000000',
  HANDOFFS_PER_SOURCE_PER_HOUR: '10000000',
} as const;

/** A message the offline pipeline always hands to a person. */
export const HANDOFF_TEXT = 'I want to talk to a human, please. My router keeps rebooting.';

export interface Staff {
  readonly tokens: Record<AgentRole, string>;
  readonly agents: Record<AgentRole, Agent>;
}

export async function addStaff(service: TestService): Promise<Staff> {
  const tokens: Record<AgentRole, string> = { agent: newToken(), lead: newToken(), admin: newToken() };
  const agents: Record<AgentRole, Agent> = {
    agent: await service.agents.addAgent('Security Agent', 'agent', tokens.agent),
    lead: await service.agents.addAgent('Security Lead', 'lead', tokens.lead),
    admin: await service.agents.addAgent('Security Admin', 'admin', tokens.admin),
  };
  return { tokens, agents };
}

export interface HandedOff {
  readonly conversationId: string;
  readonly token: string;
  readonly ticketId: string;
  readonly customerKey: string;
}

let customers = 0;

/** Opens a conversation for a new customer, asks for a human and returns the ticket that made. */
export async function handedOff(service: TestService, text = HANDOFF_TEXT, customer = {}): Promise<HandedOff> {
  customers += 1;
  const customerKey = `sec-${process.pid}-${customers}`;
  const conversation = await openConversation(service.app, { customer: { id: customerKey, ...customer } });
  if (conversation.id === undefined) throw new Error('opening the conversation failed');
  const posted = await conversation.post({ text });
  if (posted.status !== 200) throw new Error(`posting the handoff message gave ${posted.status}`);
  const ticket = (await service.store.tickets.listTickets({})).find(
    (entry) => entry.conversationId === conversation.id,
  );
  if (ticket === undefined) throw new Error(`"${text}" did not hand the conversation off`);
  return { conversationId: conversation.id, token: conversation.token, ticketId: ticket.id, customerKey };
}

/** The one error shape: exactly `{ "error": { "code", "message" } }`, with a code of the form `<kind>:<subject>`. */
export function expectErrorShape(body: unknown, context: string, kind?: string): void {
  expect(body, `${context}: error body`).toEqual({
    error: { code: expect.stringMatching(/^[a-z_]+:[\w.:-]+$/), message: expect.any(String) },
  });
  const { code, message } = (body as ErrorJson).error;
  expect(message.length, `${context}: error message is empty`).toBeGreaterThan(0);
  if (kind !== undefined) expect(code, `${context}: error code`).toMatch(new RegExp(`^${kind}:`));
}

/** The body as JSON, or the text when it is not JSON (so a failure message shows what came back). */
export async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
