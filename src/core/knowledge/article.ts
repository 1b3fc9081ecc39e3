// A knowledge-base article: validated front matter plus its Markdown body. Runtime: any.
import { z } from 'zod';
import { intakeKindSchema, type IntakeKind } from '../intake/intake-kinds.ts';
import { langSchema } from '../text/lang.ts';

const dateSchema = z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
  z.date().transform((date) => date.toISOString().slice(0, 10)),
]);

export const frontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must match [a-z0-9-]+ (lower-case letters, digits, hyphens)'),
  title: z.string().trim().min(1, 'must not be empty'),
  lang: langSchema,
  topic: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must match [a-z0-9-]+')
    .optional(),
  tags: z.array(z.string().trim().min(1)).default([]),
  url: z.url().optional(),
  updated: dateSchema.optional(),
  handoff: z.literal('always').optional(),
  /** What a person will need when this article's topic goes to them (intake): asked for while the customer waits. */
  collect: z.array(intakeKindSchema).optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface Article extends FrontMatter {
  /** Path relative to the knowledge directory, with forward slashes. */
  readonly path: string;
  /** Markdown body after the front matter. */
  readonly body: string;
  /** 1-based line of the body's first line in the file, for error messages. */
  readonly bodyLine: number;
}

export interface ArticleSummary {
  readonly id: string;
  readonly title: string;
  readonly lang: FrontMatter['lang'];
  readonly topic?: string | undefined;
  readonly tags: readonly string[];
  readonly url?: string | undefined;
  readonly updated?: string | undefined;
  readonly handoff: boolean;
  /** What a person will need (intake); absent in indexes built before it existed. */
  readonly collect?: readonly IntakeKind[] | undefined;
  readonly path: string;
}

export function summarizeArticle(article: Article): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    lang: article.lang,
    topic: article.topic,
    tags: article.tags,
    url: article.url,
    updated: article.updated,
    handoff: article.handoff === 'always',
    ...(article.collect === undefined || article.collect.length === 0 ? {} : { collect: article.collect }),
    path: article.path,
  };
}
