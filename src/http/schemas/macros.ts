// The macros API's bodies: a macro, the list, the search query, and the bodies that create and edit one.
// Runtime: any.
import { z } from '@hono/zod-openapi';
import { langField } from './common.ts';

const title = z
  .string()
  .transform((value) => value.trim())
  .pipe(z.string().min(1, 'title must not be empty').max(100));
const text = z
  .string()
  .max(4000)
  .refine((value) => value.trim() !== '', 'text must not be empty')
  .openapi({
    description:
      'Kept verbatim. Placeholders `{{customer.name}}`, `{{agent.name}}` and `{{ticket.id}}` are filled in by the agent console when the macro is inserted.',
  });

export const macroSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    text: z.string(),
    lang: langField,
    createdBy: z.string().openapi({ description: 'The agent who created it, or `system` for the defaults.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Macro');

export const macroListSchema = z.object({ macros: z.array(macroSchema) }).openapi('MacroList');
export const macroResultSchema = z.object({ macro: macroSchema }).openapi('MacroResult');
export const macroDeletedSchema = z.object({ deleted: z.literal(true) }).openapi('MacroDeleted');

export const macroQuery = z.object({
  lang: langField.optional(),
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Search words: each must occur in the title or the text, ignoring case.' }),
});

export const createMacroBody = z.strictObject({ title, text, lang: langField });

export const updateMacroBody = z
  .strictObject({ title: title.optional(), text: text.optional(), lang: langField.optional() })
  .refine((body) => Object.keys(body).length > 0, 'give at least one of title, text, lang');
