// Port: what the LLM paths report for monitoring: model calls (latency, tokens, outcome), the fate of each
// model reply (verified, repaired, replaced), query embeddings, and every fallback. Runtime: any.

export type ModelPath = 'answer' | 'summary' | 'judge' | 'search';
/** How a model call ended: `aborted` when the caller stopped it early (the model asked for a person). */
export type ModelCallOutcome = 'ok' | 'timeout' | 'error' | 'rate_limited' | 'aborted';
export type ReplyVerificationOutcome = 'verified' | 'repaired' | 'replaced';
export type Fallback = 'offline_answer' | 'lexical_retrieval' | 'extractive_summary' | 'json_object_format';

export interface ModelMetrics {
  /** One call to a chat model; texts are counted in tokens by the implementation. */
  modelCall(call: {
    readonly path: ModelPath;
    readonly outcome: ModelCallOutcome;
    readonly seconds: number;
    readonly prompt: string;
    readonly completion: string;
  }): void;
  /** What became of a model's answer; `reason` says why it was repaired or replaced (`unsupported_claim`, `timeout`…). */
  reply(outcome: ReplyVerificationOutcome, reason: string): void;
  embedding(outcome: 'ok' | 'timeout' | 'error', seconds: number): void;
  fallback(kind: Fallback): void;
}
