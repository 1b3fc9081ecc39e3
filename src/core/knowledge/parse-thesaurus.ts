// Reads a knowledge base's thesaurus.yaml: validated, with the line of each problem. Runtime: any.
import { LineCounter, parseDocument } from 'yaml';
import { thesaurusSchema, type ThesaurusData } from '../text/thesaurus.ts';
import type { KnowledgeProblem } from './knowledge-error.ts';
import { findInvalidUtf8Line } from './parse-article.ts';

/** The file a knowledge directory keeps its own thesaurus in. */
export const THESAURUS_FILE = 'thesaurus.yaml';

export type ThesaurusResult = { ok: true; thesaurus: ThesaurusData } | { ok: false; problems: KnowledgeProblem[] };

export function parseThesaurus(path: string, bytes: Uint8Array): ThesaurusResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      problems: [{ file: path, line: findInvalidUtf8Line(bytes), message: 'file is not valid UTF-8' }],
    };
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  if (document.errors.length > 0)
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        file: path,
        line: lines.linePos(error.pos[0]).line,
        message: error.message.split('\n')[0] ?? 'invalid YAML',
      })),
    };
  const parsed = thesaurusSchema.safeParse(document.toJS());
  if (parsed.success) return { ok: true, thesaurus: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const node = document.getIn(issue.path, true) as { range?: [number, number, number] } | undefined;
      const line = node?.range === undefined ? undefined : lines.linePos(node.range[0]).line;
      return { file: path, line, message: `${issue.path.join('.') || 'groups'}: ${issue.message}` };
    }),
  };
}
