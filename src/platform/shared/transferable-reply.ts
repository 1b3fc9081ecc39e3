// A reply as it can cross a thread or an isolate (Node's worker threads, Workers RPC). Runtime: any.
import type { Reply } from '../../core/ports/reply-generator.ts';

/**
 * A reply as it can cross threads and isolates: its `error` becomes a plain Error with the same message and stack, since
 * an error's own fields (a `cause`, a response object) need not survive the structured clone.
 */
export function transferableReply(reply: Reply): Reply {
  if (reply.error === undefined) return reply;
  const error = new Error(reply.error instanceof Error ? reply.error.message : String(reply.error));
  if (reply.error instanceof Error) {
    error.name = reply.error.name;
    error.stack = reply.error.stack;
  }
  return { ...reply, error };
}
