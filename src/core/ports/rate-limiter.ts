// Port: a rate limit per key (client address, conversation). In process on Node; the platform's limiter or a
// Durable Object where state must be shared between isolates. Runtime: any.

export interface RateDecision {
  readonly allowed: boolean;
  /** Seconds until one more request would be allowed (0 when allowed). */
  readonly retryAfterSeconds: number;
}

export interface RateLimiting {
  take(key: string): RateDecision;
}
