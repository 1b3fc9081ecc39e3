// Files sent with messages as the API shows them, the upload's query and the ids a message refers to. Runtime: any.
import { z } from '@hono/zod-openapi';
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS_PER_MESSAGE } from '../../core/attachments/attachment.ts';

export const attachmentSchema = z
  .object({
    id: z.string(),
    name: z.string().openapi({ description: 'The file name as sent, made safe (no folders or control characters).' }),
    type: z.enum(ATTACHMENT_TYPES).openapi({ description: 'Decided from the content, never from the name.' }),
    bytes: z.number().int().openapi({ description: 'Size in bytes.' }),
  })
  .openapi('Attachment', { description: 'A file sent with a message; its bytes are at `GET /v1/attachments/{id}`.' });

export const uploadedAttachmentSchema = z.object({ attachment: attachmentSchema }).openapi('UploadedAttachment');

export const uploadQuery = z.object({
  name: z
    .string()
    .max(1000)
    .optional()
    .openapi({ description: 'The file name to show (cleaned, at most 120 characters); `file.<ext>` without one.' }),
});

/** Files a message takes: ids from uploads to the same conversation, each used once. */
export const attachmentIdsField = z
  .array(z.string().min(1).max(100))
  .max(MAX_ATTACHMENTS_PER_MESSAGE, `at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments per message`)
  .refine((ids) => new Set(ids).size === ids.length, 'an attachment may be listed once')
  .optional()
  .openapi({
    description: `Files uploaded to this conversation (\`POST …/attachments\`) to send with the message, at most ${MAX_ATTACHMENTS_PER_MESSAGE}; each may be sent once.`,
  });

/** Empty text is refused unless files come with it (the issue is the text's, as before files existed). */
export function requireTextOrFiles(
  body: { readonly text: string; readonly attachmentIds?: readonly string[] | undefined },
  context: z.RefinementCtx,
): void {
  if (body.text === '' && (body.attachmentIds ?? []).length === 0)
    context.addIssue({ code: 'custom', path: ['text'], message: 'text must not be empty' });
}

/** The upload's body as the document describes it: the file's bytes, whatever `Content-Type` says. */
export const uploadBody = {
  content: { 'application/octet-stream': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
  required: true,
  description:
    'The file itself (PNG, JPEG, GIF, WebP or PDF, decided from its first bytes) up to MAX_ATTACHMENT_BYTES; any Content-Type.',
};
