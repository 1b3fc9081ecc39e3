// Pieces every group of routes shares: the error body, the language field, an id in the path. Runtime: any.
import { z } from '@hono/zod-openapi';

export const errorSchema = z
  .object({ error: z.object({ code: z.string().openapi({ example: 'bad_request:text' }), message: z.string() }) })
  .openapi('Error');

export const langField = z.enum(['ru', 'en']).openapi({ example: 'ru' });

/** `{id}` in a path: a conversation, a ticket or an eval run. */
export const idParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
