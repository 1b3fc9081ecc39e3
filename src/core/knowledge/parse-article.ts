// Parses one knowledge-base file (bytes) into a validated Article, or problems naming file and line. Runtime: any.
import { parseDocument } from 'yaml';
import { frontMatterSchema, type Article } from './article.ts';
import type { KnowledgeProblem } from './knowledge-error.ts';

export type ParseResult = { ok: true; article: Article } | { ok: false; problems: KnowledgeProblem[] };

const FENCE = /^---[ \t]*$/;

function lineOfKey(lines: readonly string[], key: string): number | undefined {
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? undefined : index + 2;
}

/**
 * Decodes, splits and validates an article file. `maxBytes` bounds the file size; invalid UTF-8,
 * missing or invalid front matter and an empty body are reported with the line where known.
 */
export function parseArticle(path: string, bytes: Uint8Array, maxBytes: number): ParseResult {
  const fail = (message: string, line?: number): ParseResult => ({
    ok: false,
    problems: [{ file: path, line, message }],
  });
  if (bytes.byteLength > maxBytes) {
    return fail(`file is ${bytes.byteLength} bytes, over the limit of ${maxBytes} bytes`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const badLine = findInvalidUtf8Line(bytes);
    return fail('file is not valid UTF-8', badLine);
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return fail('missing front matter: the file must start with a line "---"', 1);
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) return fail('front matter is not closed: add a line "---" after it', 1);
  const frontLines = lines.slice(1, closing);
  const document = parseDocument(frontLines.join('\n'));
  const yamlError = document.errors[0];
  if (yamlError !== undefined) {
    const line = yamlError.linePos?.[0]?.line;
    return fail(
      `front matter is not valid YAML: ${yamlError.message.split('\n')[0]}`,
      line === undefined ? undefined : line + 1,
    );
  }
  const raw: unknown = document.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail('front matter must be a YAML mapping', 2);
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        const field = key || unknownKeys[0] || '';
        const label = key ? `front matter field "${issue.path.join('.')}"` : 'front matter';
        return {
          file: path,
          line: field ? lineOfKey(frontLines, field) : undefined,
          message: `${label} ${issue.message}`,
        };
      }),
    };
  }
  const body = lines.slice(closing + 1).join('\n');
  if (body.trim().length === 0) return fail('article body is empty', closing + 2);
  return { ok: true, article: { ...parsed.data, path, body, bodyLine: closing + 2 } };
}

/** The line of the first byte sequence that is not valid UTF-8, for the error message. */
export function findInvalidUtf8Line(bytes: Uint8Array): number | undefined {
  let line = 1;
  let start = 0;
  for (let index = 0; index <= bytes.length; index += 1) {
    if (index === bytes.length || bytes[index] === 0x0a) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, index));
      } catch {
        return line;
      }
      line += 1;
      start = index + 1;
    }
  }
  return undefined;
}
