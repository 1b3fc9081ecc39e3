// Messages between the server's main thread and its reply worker threads. Everything here survives the
// structured clone: plain data and Error objects, no functions. Runtime: Node.
import type { Config } from '../../core/config/config.ts';
import type { Reply, ReplyRequest } from '../../core/ports/reply-generator.ts';

/** What a worker is started with: the configuration and the index generation the main thread serves. */
export interface ReplyWorkerData {
  readonly config: Config;
  readonly generation: string;
}

/** A reply request without its streaming callback; `stream` asks for `token` messages. */
export type WorkerRequest = Omit<ReplyRequest, 'onToken'> & { readonly stream: boolean };

export type ToWorker = { readonly kind: 'reply'; readonly id: number; readonly request: WorkerRequest };

export type FromWorker =
  | { readonly kind: 'ready' }
  /** The worker has begun this request: its deadline counts from here, not from when it was queued. */
  | { readonly kind: 'started'; readonly id: number }
  | { readonly kind: 'token'; readonly id: number; readonly text: string }
  | { readonly kind: 'reply'; readonly id: number; readonly reply: Reply };

export { transferableReply } from '../shared/transferable-reply.ts';
