// Agents as the API shows them: the signed-in one, and the list admins read. Runtime: any.
import { z } from '@hono/zod-openapi';

export const agentSchema = z
  .object({ id: z.string(), name: z.string(), role: z.enum(['agent', 'lead', 'admin']) })
  .openapi('Agent');

export const agentResultSchema = z.object({ agent: agentSchema }).openapi('AgentResult');

export const agentListSchema = z.object({ agents: z.array(agentSchema).readonly() }).openapi('AgentList');

const presence = z.enum(['online', 'away', 'offline']);

export const agentStatusSchema = agentSchema
  .extend({
    presence: presence.openapi({
      description: 'As it counts now: a console that stopped confirming for 150 seconds is offline.',
    }),
    openTickets: z.number().int().openapi({ description: 'Tickets assigned to the agent now.' }),
  })
  .openapi('AgentStatus');

export const teamSchema = z.object({ agents: z.array(agentStatusSchema).readonly() }).openapi('Team');

export const presenceBody = z.strictObject({ presence });

export const presenceResultSchema = z.object({ agent: agentStatusSchema }).openapi('PresenceResult');

export const newTokenSchema = z
  .object({
    agent: agentSchema,
    token: z.string().openapi({ description: 'The new bearer token: shown only now, stored only as a hash.' }),
  })
  .openapi('NewToken');
