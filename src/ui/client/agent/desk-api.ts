// The agent API as the console calls it with the signed-in agent's token, typed from the server's schemas.
// Runtime: browser.
import { api } from '../api.ts';
import type {
  AgentMessageBody,
  AgentResult,
  NewToken,
  AssignBody,
  PresenceBody,
  PresenceResult,
  Team,
  TicketQuery,
  ClosedTickets,
  CloseTicketsBody,
  NoteResult,
  ResolveBody,
  SentMessage,
  SuggestionResult,
  TextBody,
  TicketContext,
  TicketDetails,
  TicketList,
  TicketResult,
  TransferBody,
} from '../api-types.ts';

/** What the console can do to the open ticket: `POST /v1/tickets/{id}/<action>`, with the body each takes. */
export type TicketAction = 'claim' | 'messages' | 'notes' | 'transfer' | 'release' | 'resolve' | 'reopen' | 'assign';
export type TicketActionBody = TextBody | AgentMessageBody | TransferBody | ResolveBody | AssignBody;
export type TicketActionResult = TicketResult | SentMessage | NoteResult;

export interface DeskApi {
  me(): Promise<AgentResult>;
  /** The open queue, or a view of it (mine, unassigned, closed, by language or reason) or a search. */
  tickets(query?: TicketQuery): Promise<TicketList>;
  /** Every agent with presence and load: whom a lead assigns to. */
  team(): Promise<Team>;
  /** Signs out everywhere else: a new token replaces the old one. */
  newToken(): Promise<NewToken>;
  /** Online or away (a heartbeat), offline when signing out. */
  presence(body: PresenceBody): Promise<PresenceResult>;
  ticket(id: string): Promise<TicketDetails>;
  /** The ticket's customer: profile, page, language, channel, earlier conversations. */
  context(id: string): Promise<TicketContext>;
  suggestion(id: string): Promise<SuggestionResult>;
  /** The assignee is typing a reply (or stopped): shown to the customer. */
  typing(id: string, typing: boolean): Promise<unknown>;
  act(id: string, action: TicketAction, body?: TicketActionBody): Promise<TicketActionResult>;
  /** Leads: closes tickets without claiming them (a flood). */
  close(body: CloseTicketsBody): Promise<ClosedTickets>;
  /** The agents' live events (server-sent events). */
  readonly eventsUrl: string;
}

/** `token` is read at each call: the agent may sign out and in again. */
export function deskApi(token: () => string | undefined): DeskApi {
  const base = location.origin;
  const ticketPath = (id: string) => `/v1/tickets/${encodeURIComponent(id)}`;
  return {
    me: () => api<AgentResult>(base, '/v1/agent/me', { token: token() }),
    tickets: (query = {}) => {
      const search = new URLSearchParams(
        Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
      ).toString();
      return api<TicketList>(base, search === '' ? '/v1/tickets' : `/v1/tickets?${search}`, { token: token() });
    },
    team: () => api<Team>(base, '/v1/agents', { token: token() }),
    newToken: () => api<NewToken>(base, '/v1/agent/token', { method: 'POST', token: token() }),
    presence: (body) => api<PresenceResult>(base, '/v1/agent/presence', { method: 'PUT', body, token: token() }),
    ticket: (id) => api<TicketDetails>(base, ticketPath(id), { token: token() }),
    context: (id) => api<TicketContext>(base, `${ticketPath(id)}/context`, { token: token() }),
    suggestion: (id) => api<SuggestionResult>(base, `${ticketPath(id)}/suggestion`, { token: token() }),
    typing: (id, typing) =>
      api<unknown>(base, `${ticketPath(id)}/typing`, { method: 'POST', body: { typing }, token: token() }),
    act: (id, action, body) =>
      api<TicketActionResult>(base, `${ticketPath(id)}/${action}`, { method: 'POST', body, token: token() }),
    close: (body) => api<ClosedTickets>(base, '/v1/ticket-closures', { method: 'POST', body, token: token() }),
    eventsUrl: `${base}/v1/agent/events`,
  };
}
