import { describe, expect, it } from 'vitest';
import { checkPrompt, templateVariables } from './prompt-check.ts';
import { parsePromptFile } from './prompt-file.ts';

const file = (body: string) =>
  parsePromptFile('prompts/answer-user.md', `---\nname: answer-user\nversion: 3\n---\n\n${body}`);
const spec = { required: ['context', 'question'], allowed: ['context', 'history', 'question'] };

describe('prompt templates', () => {
  it('lists variables with their lines and treats doubled braces as literal', () => {
    expect(templateVariables('{{"reply": 1}}\n{context}\n\n{ question }')).toEqual({
      variables: [
        { name: 'context', line: 2 },
        { name: 'question', line: 4 },
      ],
      problems: [],
    });
  });

  it('accepts a template that uses what the code gives it', () => {
    expect(() =>
      checkPrompt('prompts/answer-user.md', file('{context}\n{history}\n{question}'), spec, file('').bodyLine),
    ).not.toThrow();
  });

  it('names the file line of a misspelt variable, a missing one and an unbalanced brace', () => {
    const prompt = file('{context}\nCUSTOMER:\n{questoin}\nJSON: {"reply": 1}');
    expect(prompt.bodyLine).toBe(6);
    expect(() => checkPrompt('prompts/answer-user.md', prompt, spec, prompt.bodyLine)).toThrow(
      [
        'prompts/answer-user.md:9: "{"reply": 1}" is not a variable name (write "{{" and "}}" for literal braces)',
        'prompts/answer-user.md:8: unknown variable {questoin}; this prompt is given {context}, {history}, {question}',
        'prompts/answer-user.md:6: the template never uses {question}, which this prompt needs',
      ].join('\n'),
    );
  });

  it('finds a brace that is never closed', () => {
    expect(templateVariables('line one\n{context\nmore').problems).toEqual([
      { line: 2, message: 'an opening "{" is never closed (write "{{" for a literal brace)' },
    ]);
  });
});
