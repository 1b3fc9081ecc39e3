// Runs the offline reply pipeline on worker threads. The main thread keeps HTTP and SQLite; each request
// goes to the least busy worker. A worker that dies or overruns the deadline is replaced, and the customers
// it was answering get the pipeline's `error` handoff, as for any other failure inside the pipeline. With no
// worker alive the main thread answers itself. Runtime: Node.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Config } from '../../core/config/config.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { ReplyGenerator } from '../../core/ports/reply-generator.ts';
import type { ReplyPipeline } from '../../core/reply/reply-pipeline.ts';
import type { Reply, ReplyRequest } from '../../core/ports/reply-generator.ts';
import type { FromWorker, ReplyWorkerData, ToWorker } from './reply-worker-protocol.ts';

const ENTRY = new URL('./reply-worker-entry.mjs', import.meta.url);

export interface ReplyWorkerPoolOptions {
  readonly size: number;
  readonly data: ReplyWorkerData;
  /** The in-process pipeline: writes the failure handoff, and answers while no worker is alive. */
  readonly fallback: ReplyPipeline;
  readonly logger: Pick<Logger, 'warn' | 'error'>;
  /** A worker that takes longer than this for one reply is presumed stuck and replaced. */
  readonly replyTimeoutMs?: number | undefined;
  readonly startTimeoutMs?: number | undefined;
  /** The worker script; tests substitute scripted workers. */
  readonly entry?: URL | undefined;
}

interface Pending {
  readonly request: ReplyRequest;
  readonly resolve: (reply: Reply) => void;
  /** Set when the worker starts the request: time spent queued behind other customers does not count. */
  timer?: ReturnType<typeof setTimeout> | undefined;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

/** Worker count for `REPLY_WORKERS`: `auto` leaves one core to the main thread and uses at most four. */
export function replyWorkerCount(setting: Config['REPLY_WORKERS'], cores = availableParallelism()): number {
  return setting === 'auto' ? Math.max(0, Math.min(4, cores - 1)) : setting;
}

export class ReplyWorkerPool implements ReplyGenerator {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers replaced after a crash or an overrun, for tests and metrics. */
  replaced = 0;

  private constructor(private readonly options: ReplyWorkerPoolOptions) {}

  /** Starts `size` workers and waits until each has loaded the index; rejects if any cannot. */
  static async start(options: ReplyWorkerPoolOptions): Promise<ReplyWorkerPool> {
    const pool = new ReplyWorkerPool(options);
    try {
      await Promise.all(Array.from({ length: options.size }, () => pool.spawn()));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Replies sent to the workers and not yet settled (queued behind others or being computed), across workers. */
  get pending(): number {
    return this.slots.reduce((total, slot) => total + slot.pending.size, 0);
  }

  reply(request: ReplyRequest): Promise<Reply> {
    const slot = this.slots.reduce<Slot | undefined>(
      (best, candidate) => (best === undefined || candidate.pending.size < best.pending.size ? candidate : best),
      undefined,
    );
    if (slot === undefined) return this.options.fallback.reply(request);
    const id = this.nextId++;
    const { onToken, ...rest } = request;
    return new Promise<Reply>((resolve) => {
      slot.pending.set(id, { request, resolve });
      const message: ToWorker = { kind: 'reply', id, request: { ...rest, stream: onToken !== undefined } };
      try {
        slot.worker.postMessage(message);
      } catch (error) {
        this.settle(slot, id, this.options.fallback.failed(request, error));
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const slot of slots) this.failAll(slot, new Error('the server is shutting down'));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private get replyTimeoutMs(): number {
    return this.options.replyTimeoutMs ?? 30_000;
  }

  private spawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.options.entry ?? ENTRY, { workerData: this.options.data });
      const slot: Slot = { worker, pending: new Map() };
      let ready = false;
      const startTimer = setTimeout(() => {
        reject(new Error(`reply worker did not start within ${this.options.startTimeoutMs ?? 60_000} ms`));
        void worker.terminate();
      }, this.options.startTimeoutMs ?? 60_000);
      worker.on('message', (message: FromWorker) => {
        if (message.kind === 'ready') {
          ready = true;
          clearTimeout(startTimer);
          this.slots.push(slot);
          resolve();
        } else if (message.kind === 'started') {
          const pending = slot.pending.get(message.id);
          if (pending !== undefined) {
            pending.timer = setTimeout(
              () => this.retire(slot, new Error(`reply worker took longer than ${this.replyTimeoutMs} ms`)),
              this.replyTimeoutMs,
            );
          }
        } else if (message.kind === 'token') {
          slot.pending.get(message.id)?.request.onToken?.(message.text);
        } else {
          this.settle(slot, message.id, message.reply);
        }
      });
      worker.on('error', (error) => {
        if (!ready) {
          clearTimeout(startTimer);
          reject(error);
        } else {
          this.retire(slot, error);
        }
      });
      worker.on('exit', (code) => {
        if (!ready) {
          clearTimeout(startTimer);
          reject(new Error(`reply worker exited with code ${code} before it was ready`));
        } else {
          this.retire(slot, new Error(`reply worker exited with code ${code}`));
        }
      });
    });
  }

  private settle(slot: Slot, id: number, reply: Reply): void {
    const pending = slot.pending.get(id);
    if (pending === undefined) return;
    if (pending.timer !== undefined) clearTimeout(pending.timer);
    slot.pending.delete(id);
    pending.resolve(reply);
  }

  private failAll(slot: Slot, error: Error): void {
    for (const [id, pending] of slot.pending)
      this.settle(slot, id, this.options.fallback.failed(pending.request, error));
  }

  /** Takes a dead or stuck worker out of rotation, hands off its customers, and starts a replacement. */
  private retire(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    this.failAll(slot, error);
    void slot.worker.terminate();
    if (this.closed) return;
    this.replaced += 1;
    this.options.logger.error({ err: error }, 'reply worker replaced; its pending replies were handed off');
    this.spawn().catch((spawnError: unknown) =>
      this.options.logger.error({ err: spawnError }, 'reply worker could not be restarted; the main thread answers'),
    );
  }
}
