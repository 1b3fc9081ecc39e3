// The agent API as the console calls it with the signed-in agent's token, typed from the server's schemas.
// Runtime: browser.
import { api } from '../api.ts';
import type {
  AgentResult,
  ClosedTickets,
  CloseTicketsBody,
  NoteResult,
  ResolveBody,
  SentMessage,
  SuggestionResult,
  TextBody,
  TicketDetails,
  TicketList,
  TicketResult,
  TransferBody,
} from '../api-types.ts';

/** What the console can do to the open ticket: `POST /v1/tickets/{id}/<action>`, with the body each takes. */
export type TicketAction = 'claim' | 'messages' | 'notes' | 'transfer' | 'release' | 'resolve';
export type TicketActionBody = TextBody | TransferBody | ResolveBody;
export type TicketActionResult = TicketResult | SentMessage | NoteResult;

export interface DeskApi {
  me(): Promise<AgentResult>;
  tickets(): Promise<TicketList>;
  ticket(id: string): Promise<TicketDetails>;
  suggestion(id: string): Promise<SuggestionResult>;
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
    tickets: () => api<TicketList>(base, '/v1/tickets', { token: token() }),
    ticket: (id) => api<TicketDetails>(base, ticketPath(id), { token: token() }),
    suggestion: (id) => api<SuggestionResult>(base, `${ticketPath(id)}/suggestion`, { token: token() }),
    act: (id, action, body) =>
      api<TicketActionResult>(base, `${ticketPath(id)}/${action}`, { method: 'POST', body, token: token() }),
    close: (body) => api<ClosedTickets>(base, '/v1/ticket-closures', { method: 'POST', body, token: token() }),
    eventsUrl: `${base}/v1/agent/events`,
  };
}
