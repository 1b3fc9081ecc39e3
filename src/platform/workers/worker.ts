// The Worker: static files are served by the platform before this runs; every API request and page goes to the desk
// object of its workspace, whose stream (an SSE feed) passes straight through. Also the admin route that creates
// agents (there is no CLI beside a Worker's storage) and the Cron Trigger's retention sweep. Runtime: Workers.
import { z } from 'zod';
import { digestsEqual, hashToken } from '../../core/conversation/tokens.ts';
import { HIDDEN_PREFIX } from './bundle-layout.ts';
import type { DeskRpc, WorkersEnv } from './worker-env.ts';

export { DeskObject } from './desk-object.ts';
export { ReplyService } from './reply-service.ts';

const ADMIN_AGENTS = '/v1/admin/agents';
const agentSchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(['agent', 'lead', 'admin']).default('agent'),
});

const error = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

/** The desk object of the workspace this deployment serves (WORKSPACE, `default` unless set). */
export function deskOf(env: WorkersEnv): DeskRpc {
  const workspace = typeof env['WORKSPACE'] === 'string' && env['WORKSPACE'] !== '' ? env['WORKSPACE'] : 'default';
  return env.DESK.get(env.DESK.idFromName(workspace)) as unknown as DeskRpc;
}

async function addAgent(request: Request, env: WorkersEnv): Promise<Response> {
  const admin = env.ADMIN_TOKEN;
  if (admin === undefined || admin === '')
    return error(
      403,
      'forbidden:admin',
      'set the ADMIN_TOKEN secret to create agents (wrangler secret put ADMIN_TOKEN)',
    );
  const bearer = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  if (!digestsEqual(await hashToken(bearer), await hashToken(admin)))
    return error(401, 'unauthorized:admin', 'send the admin token as Authorization: Bearer <ADMIN_TOKEN>');
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = agentSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    return error(400, `bad_request:${field}`, `${field}: ${issue?.message ?? 'send { "name": "…", "role": "agent" }'}`);
  }
  const created = await deskOf(env).addAgent(parsed.data.name, parsed.data.role);
  return Response.json(created, { status: 201 });
}

export default {
  async fetch(request: Request, env: WorkersEnv): Promise<Response> {
    const { pathname } = new URL(request.url);
    // The hidden bundle (migrations, prompts, knowledge) is read by the Worker through its ASSETS binding only.
    if (pathname.startsWith(HIDDEN_PREFIX))
      return error(404, 'not_found:route', `no route for ${request.method} ${pathname}`);
    try {
      // Creating agents: there is no CLI beside a Worker's storage (listing them stays the API's GET, for admins).
      if (pathname === ADMIN_AGENTS && request.method === 'POST') return await addAgent(request, env);
      return await deskOf(env).fetch(request);
    } catch (failure) {
      console.error(JSON.stringify({ level: 'error', msg: 'the desk could not answer', err: String(failure) }));
      return error(503, 'unavailable:desk', 'the service is starting or could not open its storage; try again shortly');
    }
  },

  /** Cron Trigger: retention, as the Node server's timer applies it. */
  async scheduled(_controller: ScheduledController, env: WorkersEnv): Promise<void> {
    await deskOf(env).sweep();
  },
} satisfies ExportedHandler<WorkersEnv>;
