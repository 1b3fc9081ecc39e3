// What the Worker is given: its bindings (wrangler.toml) and its settings (vars and secrets, the same names as the
// Node service's environment). Runtime: Workers.
import type { ArticlePage } from '../../core/ports/article-source.ts';
import type { Reply, ReplyRequest } from '../../core/ports/reply-generator.ts';
import type { ErasureCounts } from '../../core/ports/ticket-store.ts';

/** A reply request as it crosses to the reply isolate; the streaming callback goes beside it. */
export type RemoteReplyRequest = Omit<ReplyRequest, 'onToken'>;

/** The reply service's RPC interface (`ReplyService`, reached through the `REPLIES` service binding). */
export interface ReplyRpc {
  reply(request: RemoteReplyRequest, onToken?: (token: string) => void): Promise<Reply>;
  article(id: string): Promise<ArticlePage | undefined>;
  status(): Promise<KnowledgeStatus>;
}

export interface KnowledgeStatus {
  readonly generation: string;
  readonly chunks: number;
}

/** The desk object's RPC interface beside its `fetch` (the Worker's cron and admin routes call it). */
export interface DeskRpc {
  fetch(request: Request): Promise<Response>;
  addAgent(
    name: string,
    role: 'agent' | 'lead' | 'admin',
  ): Promise<{ id: string; name: string; role: string; token: string }>;
  sweep(): Promise<ErasureCounts>;
}

export interface WorkersEnv {
  /** One desk object per workspace: conversations, tickets, agents, the event log and the live feeds. */
  readonly DESK: DurableObjectNamespace;
  /** The reply pipeline in stateless request isolates (this Worker's `ReplyService` entrypoint). */
  readonly REPLIES: ReplyRpc;
  /** The static assets: the web UI's bundles, Swagger UI, and the hidden bundle (migrations, prompts, knowledge). */
  readonly ASSETS: Fetcher;
  /** Attachments' bytes, and knowledge generations when `KNOWLEDGE_SOURCE=r2`. */
  readonly FILES?: R2Bucket | undefined;
  /** The admin token that creates agents (`wrangler secret put ADMIN_TOKEN`); without it that route is closed. */
  readonly ADMIN_TOKEN?: string | undefined;
  /** Any other setting, as the Node service reads them from its environment. */
  readonly [setting: string]: unknown;
}

/** The string settings among the bindings, for `parseConfig`. */
export function settingsOf(env: WorkersEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** Reads one file of the hidden bundle from the static assets; undefined when it is not there. */
export async function readBundled(assets: Fetcher, path: string): Promise<Uint8Array | undefined> {
  const response = await assets.fetch(new Request(`https://assets.invalid/_firstline/${path}`));
  if (!response.ok) {
    await response.body?.cancel();
    return undefined;
  }
  return new Uint8Array(await response.arrayBuffer());
}
