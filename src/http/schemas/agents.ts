// Agents as the API shows them: the signed-in one, and the list admins read. Runtime: any.
import { z } from '@hono/zod-openapi';

export const agentSchema = z
  .object({ id: z.string(), name: z.string(), role: z.enum(['agent', 'lead', 'admin']) })
  .openapi('Agent');

export const agentResultSchema = z.object({ agent: agentSchema }).openapi('AgentResult');

export const agentListSchema = z.object({ agents: z.array(agentSchema).readonly() }).openapi('AgentList');
