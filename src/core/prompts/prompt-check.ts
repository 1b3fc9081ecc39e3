// Checks a prompt file's template before the service uses it: braces balanced, every variable one the code
// fills, every variable the code needs present. Problems read `file:line: what is wrong`. Runtime: any.
import { PromptError, type PromptFile } from './prompt-file.ts';

export interface PromptSpec {
  /** Variables the template must use. */
  readonly required: readonly string[];
  /** Variables the code fills (the required ones included). */
  readonly allowed: readonly string[];
}

/** The prompts the service reads, with the variables each is given. */
export const PROMPT_SPECS: Readonly<Record<string, PromptSpec>> = {
  'answer-system': {
    required: ['lang_name', 'greeting_rule'],
    allowed: ['lang_name', 'greeting_rule', 'customer_name'],
  },
  'answer-user': { required: ['context', 'question'], allowed: ['context', 'history', 'question', 'not_covered'] },
  'handoff-summary': { required: ['transcript'], allowed: ['lang_name', 'transcript'] },
  'search-rewrite': { required: ['conversation', 'message'], allowed: ['conversation', 'message'] },
  'search-rerank': { required: ['question', 'candidates'], allowed: ['question', 'candidates'] },
  judge: { required: ['reply', 'sources'], allowed: ['lang_name', 'question', 'reply', 'first_reply', 'sources'] },
  'judge-rubric': { required: ['reply', 'criterion'], allowed: ['lang_name', 'question', 'reply', 'criterion'] },
};

/** Variables of an f-string template with the line each is on; `{{` and `}}` are literal braces. */
export function templateVariables(template: string): {
  variables: Array<{ name: string; line: number }>;
  problems: Array<{ line: number; message: string }>;
} {
  const variables: Array<{ name: string; line: number }> = [];
  const problems: Array<{ line: number; message: string }> = [];
  let line = 1;
  for (let index = 0; index < template.length; index += 1) {
    const char = template[index];
    if (char === '\n') line += 1;
    if (char === '{' && template[index + 1] === '{') index += 1;
    else if (char === '}' && template[index + 1] === '}') index += 1;
    else if (char === '{') {
      const end = template.indexOf('}', index);
      const name = end === -1 ? '' : template.slice(index + 1, end);
      if (end === -1 || name.includes('\n') || name.includes('{')) {
        problems.push({ line, message: 'an opening "{" is never closed (write "{{" for a literal brace)' });
        continue;
      }
      if (!/^[A-Za-z_]\w*$/.test(name.trim()))
        problems.push({ line, message: `"{${name}}" is not a variable name (write "{{" and "}}" for literal braces)` });
      else variables.push({ name: name.trim(), line });
      index = end;
    } else if (char === '}')
      problems.push({ line, message: 'a closing "}" has no opening brace (write "}}" for a literal brace)' });
  }
  return { variables, problems };
}

/**
 * Throws {@link PromptError} listing every problem of a prompt against its spec. `bodyLine` is the file line
 * the template starts on (after the front matter), so reported lines match the file.
 */
export function checkPrompt(path: string, prompt: PromptFile, spec: PromptSpec, bodyLine = 1): void {
  const { variables, problems } = templateVariables(prompt.template);
  const lines = problems.map((problem) => `${path}:${problem.line + bodyLine - 1}: ${problem.message}`);
  for (const variable of variables) {
    if (!spec.allowed.includes(variable.name))
      lines.push(
        `${path}:${variable.line + bodyLine - 1}: unknown variable {${variable.name}}; this prompt is given ${spec.allowed.map((name) => `{${name}}`).join(', ')}`,
      );
  }
  for (const name of spec.required) {
    if (!variables.some((variable) => variable.name === name))
      lines.push(`${path}:${bodyLine}: the template never uses {${name}}, which this prompt needs`);
  }
  if (lines.length > 0) throw new PromptError(lines.join('\n'));
}
