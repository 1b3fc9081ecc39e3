// Typing indicators: the body of `POST /v1/conversations/{id}/typing` and `POST /v1/tickets/{id}/typing`. Runtime: any.
import { z } from '@hono/zod-openapi';

export const typingBody = z
  .strictObject({
    typing: z.boolean().optional().openapi({ description: 'false when the text was sent or cleared; true if absent.' }),
  })
  .openapi('TypingBody');

export type TypingBody = z.infer<typeof typingBody>;
