// Bearer tokens from the Authorization header: conversation tokens for customers, agent tokens for staff. Runtime: any.
import type { Context } from 'hono';
import { AppError } from '../core/errors.ts';

/** The token of `Authorization: Bearer <token>`, or undefined without one. */
export function bearerToken(c: Context): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
}

/** The customer's conversation token; a request without one is unauthorized. */
export function conversationToken(c: Context): string {
  const token = bearerToken(c);
  if (token === undefined)
    throw new AppError('unauthorized:token', 'send the conversation token as "Authorization: Bearer <token>"');
  return token;
}
