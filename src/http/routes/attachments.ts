// Files sent with messages: a customer uploads to their conversation, the assignee to their ticket's, and either side
// downloads what the conversation holds (the customer with its token, any agent with theirs). An upload's body is the
// file itself, limited by MAX_ATTACHMENT_BYTES (see app.ts). Runtime: any.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { assertAssignee } from '../../core/desk/desk-rules.ts';
import { AppError } from '../../core/errors.ts';
import type { TicketStore } from '../../core/ports/ticket-store.ts';
import type { AgentService } from '../../core/use-cases/agent-desk.ts';
import type { AttachmentService } from '../../core/use-cases/attachments.ts';
import type { ConversationService } from '../../core/use-cases/customer-conversation.ts';
import { WORKERS, agentAuth } from '../agent-auth.ts';
import { attachmentHeaders } from '../attachment-response.ts';
import type { AppEnv } from '../app-env.ts';
import { bearerToken, conversationToken } from '../bearer.ts';
import { errors, json } from '../openapi-helpers.ts';
import { newRouter } from '../router.ts';
import { uploadBody, uploadedAttachmentSchema, uploadQuery } from '../schemas/attachments.ts';
import { idParams } from '../schemas/common.ts';

export interface AttachmentRouteDependencies {
  readonly attachments: AttachmentService;
  readonly conversations: ConversationService;
  readonly agents: AgentService;
  readonly tickets: Pick<TicketStore, 'getTicket'>;
}

/** Either scheme grants a download (declared apart: a literal with two entries defeats the route's type inference). */
const EITHER_TOKEN: Array<Record<string, string[]>> = [{ conversationToken: [] }, { agentToken: [] }];

const readBody = async (c: Context): Promise<Uint8Array> => new Uint8Array(await c.req.arrayBuffer());

export function attachmentRoutes(deps: AttachmentRouteDependencies): OpenAPIHono<AppEnv> {
  const app = newRouter();
  const { attachments } = deps;
  const as = agentAuth(deps.agents);
  const uploadErrors = errors(400, 401, 403, 404, 409, 413, 415, 429);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/conversations/{id}/attachments',
      summary: 'Upload a file (image or PDF) to send with a message: then list its id in `attachmentIds`',
      security: [{ conversationToken: [] }],
      request: { params: idParams, query: uploadQuery, body: uploadBody },
      responses: { 201: json('Stored, not yet sent', uploadedAttachmentSchema), ...uploadErrors },
    }),
    async (c) => {
      const conversation = await deps.conversations.authorize(c.req.valid('param').id, conversationToken(c));
      const attachment = await attachments.upload({
        conversationId: conversation.id,
        name: c.req.valid('query').name ?? '',
        content: await readBody(c),
        uploadedBy: 'customer',
      });
      return c.json({ attachment }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/tickets/{id}/attachments',
      summary: "Upload a file (image or PDF) for a reply to the customer (the ticket's assignee)",
      security: [{ agentToken: [] }],
      request: { params: idParams, query: uploadQuery, body: uploadBody },
      responses: { 201: json('Stored, not yet sent', uploadedAttachmentSchema), ...uploadErrors },
    }),
    async (c) => {
      const agent = await as(c, WORKERS);
      const { id } = c.req.valid('param');
      const ticket = await deps.tickets.getTicket(id);
      if (ticket === undefined) throw new AppError('not_found:ticket', `ticket ${id} does not exist`);
      assertAssignee(ticket, agent);
      const attachment = await attachments.upload({
        conversationId: ticket.conversationId,
        name: c.req.valid('query').name ?? '',
        content: await readBody(c),
        uploadedBy: 'agent',
      });
      return c.json({ attachment }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/attachments/{id}',
      summary: "A file's bytes: for the conversation's customer token or any agent token",
      description:
        "Served with the type decided from its content, `Content-Disposition: inline` for images and `attachment` for PDF, `X-Content-Type-Options: nosniff` and `Content-Security-Policy: default-src 'none'; sandbox`.",
      security: EITHER_TOKEN,
      request: { params: idParams },
      responses: {
        200: {
          description: 'The file (its type: image/png, image/jpeg, image/gif, image/webp or application/pdf)',
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errors(401, 403, 404, 429),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const token = bearerToken(c);
      if (token === undefined)
        throw new AppError(
          'unauthorized:token',
          'send a conversation or agent token as "Authorization: Bearer <token>"',
        );
      const record = await attachments.find(id);
      await allowDownload(deps, c, record.conversationId, token);
      const { content } = await attachments.open(record.id);
      return new Response(content as Uint8Array<ArrayBuffer>, { status: 200, headers: attachmentHeaders(record) });
    },
  );
  return app;
}

/** The conversation's own token, or any agent's; anything else is refused as not granting access (403). */
async function allowDownload(
  deps: AttachmentRouteDependencies,
  c: Context,
  conversationId: string,
  token: string,
): Promise<void> {
  try {
    await deps.conversations.authorize(conversationId, token);
    return;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'forbidden:conversation') throw error;
  }
  try {
    await agentAuth(deps.agents)(c, WORKERS);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'unauthorized')
      throw new AppError('forbidden:attachment', 'this token does not grant access to this file');
    throw error;
  }
}
