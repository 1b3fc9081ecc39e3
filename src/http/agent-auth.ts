// Who may call the staff API: the agent owning the bearer token, if their role is among those allowed. Runtime: any.
import type { Context } from 'hono';
import type { Agent, AgentRole } from '../core/queue/ticket.ts';
import type { AgentService } from '../core/use-cases/agent-desk.ts';
import { bearerToken } from './bearer.ts';

export const WORKERS: readonly AgentRole[] = ['agent', 'lead', 'admin'];
export const LEADS: readonly AgentRole[] = ['lead', 'admin'];
export const ADMINS: readonly AgentRole[] = ['admin'];

export type AgentAuth = (c: Context, roles: readonly AgentRole[]) => Promise<Agent>;

/** 401 without a known token, 403 for a role that is not allowed. */
export function agentAuth(agents: AgentService): AgentAuth {
  return (c, roles) => agents.authenticate(bearerToken(c), roles);
}
