// A prompt file: YAML front matter (name, version) and a LangChain f-string template body. Runtime: any.
import { parseDocument } from 'yaml';
import { z } from 'zod';

export const promptMetaSchema = z.strictObject({
  name: z.string().min(1),
  version: z.union([z.number(), z.string()]),
  description: z.string().optional(),
});

/** A prompt file that cannot be used, naming the file and what is wrong. */
export class PromptError extends Error {
  readonly code = 'bad_request:prompt';
  override name = 'PromptError';
}

export interface PromptFile {
  readonly name: string;
  readonly version: string;
  readonly template: string;
  /** The file line the template starts on (after the front matter and blank lines). */
  readonly bodyLine: number;
}

/** Parses a prompt file; throws naming the file when the front matter is missing or invalid. */
export function parsePromptFile(path: string, text: string): PromptFile {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text.replace(/\r\n?/g, '\n'));
  if (match === null) throw new PromptError(`${path}: a prompt file starts with front matter between "---" lines`);
  const meta = promptMetaSchema.safeParse(parseDocument(match[1] ?? '').toJS());
  if (!meta.success)
    throw new PromptError(
      `${path}: front matter ${meta.error.issues.map((issue) => `"${issue.path.join('.')}" ${issue.message}`).join('; ')}`,
    );
  const body = match[2] ?? '';
  const frontMatterLines = (match[1] ?? '').split('\n').length + 2;
  const leading = (/^\s*/.exec(body)?.[0] ?? '').split('\n').length - 1;
  return {
    name: meta.data.name,
    version: String(meta.data.version),
    template: body.trim(),
    bodyLine: frontMatterLines + leading + 1,
  };
}
