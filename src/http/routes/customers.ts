// Customers' data rights (GDPR, Russia's 152-FZ): a lead exports everything held about a customer, an admin erases
// it. The customer is found by the `id` or `email` of the conversations' customer profile. Runtime: any.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { TicketStore } from '../../core/ports/ticket-store.ts';
import type { AttachmentStore } from '../../core/ports/attachment-store.ts';
import type { AgentService } from '../../core/use-cases/agent-desk.ts';
import { CustomerDataService } from '../../core/use-cases/customer-data.ts';
import { ADMINS, LEADS, agentAuth } from '../agent-auth.ts';
import type { AppEnv } from '../app-env.ts';
import { errors, ok } from '../openapi-helpers.ts';
import { newRouter } from '../router.ts';
import { customerExportSchema, customerKeyParams, erasureSchema } from '../schemas/customers.ts';

export interface CustomerRouteDependencies {
  readonly agents: AgentService;
  readonly tickets: Pick<TicketStore, 'customerRecords' | 'eraseCustomer'>;
  /** Files of the erased conversations, deleted after the erasure commits. */
  readonly attachments?: Pick<AttachmentStore, 'deleteErased'> | undefined;
  readonly now: () => Date;
}

export function customerRoutes(deps: CustomerRouteDependencies): OpenAPIHono<AppEnv> {
  const app = newRouter();
  const security = [{ agentToken: [] }];
  const as = agentAuth(deps.agents);
  const customers = new CustomerDataService({ tickets: deps.tickets, attachments: deps.attachments, now: deps.now });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/customers/{key}/export',
      summary: 'Everything held about a customer: conversations, messages, tickets, notes, ratings, events (leads)',
      security,
      request: { params: customerKeyParams },
      responses: { ...ok('The customer export', customerExportSchema), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      await as(c, LEADS);
      const document = await customers.export(c.req.valid('param').key);
      return c.json(document, 200, { 'cache-control': 'no-store' });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/customers/{key}',
      summary: "Erases a customer's texts and profile; events stay as anonymous facts (admins)",
      security,
      request: { params: customerKeyParams },
      responses: { ...ok('What was erased', erasureSchema), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const admin = await as(c, ADMINS);
      return c.json(await customers.erase(c.req.valid('param').key, { agentId: admin.id }), 200);
    },
  );
  return app;
}
