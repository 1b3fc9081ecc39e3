// Shorthands for route declarations: JSON bodies and responses, and the error responses a route may give. Runtime: any.
import type { z } from '@hono/zod-openapi';
import { errorSchema } from './schemas/common.ts';

/** The error responses of a route, each `{ "error": { "code", "message" } }`. */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: 'Error', content: { 'application/json': { schema: errorSchema } } },
    ]),
  );

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

/** A JSON response. */
export const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A 200 response with a JSON body. */
export const ok = <T extends z.ZodType>(description: string, schema: T) => ({ 200: json(description, schema) });
