// The per-address limit on /v1, with failed authentications counted apart: a 401 spends the address's failed-auth
// budget instead of the shared one, so a script trying bad tokens cannot lock out an agent behind the same address
// (an office NAT). Runtime: any.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../core/errors.ts';
import type { RateLimiting } from '../core/ports/rate-limiter.ts';
import { errorBody } from './errors.ts';

export interface AddressLimits {
  /** Every request to /v1 from one address. */
  readonly perAddress: RateLimiting;
  /** Requests from one address that end in 401; without it a 401 spends the shared budget like any request. */
  readonly failedAuth?: RateLimiting | undefined;
}

/** How long a token given back to an address stays usable: the shared limit is per minute. */
const CREDIT_MS = 60_000;
/** Addresses with credit remembered at once; the oldest are forgotten beyond it. */
const MAX_ADDRESSES = 100_000;

/**
 * Charges each request to the shared budget up front (whether it will authenticate is not known yet). One that ends
 * in 401 gives its token back and is charged to the failed-auth budget instead; once that is spent, such requests are
 * answered 429 `rate_limited:auth`. Requests that authenticate keep the whole shared budget.
 */
export function addressLimits(
  limits: AddressLimits,
  clientAddress: (c: Parameters<MiddlewareHandler>[0]) => string,
  now: () => number = () => Date.now(),
): MiddlewareHandler {
  const { perAddress, failedAuth } = limits;
  // Tokens given back per address: when each stops counting. The port only takes, so a refund is remembered here
  // and spent when the shared budget says no.
  const credits = new Map<string, number[]>();
  const unexpired = (held: number[]) => {
    const at = now();
    while (held.length > 0 && (held[0] ?? 0) <= at) held.shift();
    return held;
  };
  const spendCredit = (address: string): boolean => {
    const held = credits.get(address);
    if (held === undefined) return false;
    const spent = unexpired(held).shift() !== undefined;
    if (held.length === 0) credits.delete(address);
    return spent;
  };
  const giveBack = (address: string) => {
    const held = unexpired(credits.get(address) ?? []);
    held.push(now() + CREDIT_MS);
    credits.delete(address);
    credits.set(address, held);
    if (credits.size > MAX_ADDRESSES) credits.delete(credits.keys().next().value ?? address);
  };

  return async (c, next) => {
    const address = clientAddress(c);
    const decision = perAddress.take(address);
    if (!decision.allowed && !(failedAuth !== undefined && spendCredit(address))) {
      throw new AppError('rate_limited:address', 'too many requests from this address; retry later', {
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    }
    await next();
    if (failedAuth === undefined || c.res.status !== 401) return;
    giveBack(address);
    const failures = failedAuth.take(address);
    if (failures.allowed) return;
    // Assigning keeps the 401's other headers (request id, CORS).
    c.res = c.json(
      errorBody('rate_limited:auth', 'too many failed authentications from this address; retry later'),
      429,
      { 'Retry-After': String(failures.retryAfterSeconds) },
    );
  };
}
