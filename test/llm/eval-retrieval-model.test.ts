// The retrieval eval measures the model's help against the offline ranking, through the real client and a
// scripted OpenAI-compatible server on 127.0.0.1.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, ROOT } from '../run-cli.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.ts';

let fake: FakeOpenAi;
let directory: string;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  directory = await mkdtemp(join(tmpdir(), 'firstline-eval-retrieval-'));
});
afterAll(async () => {
  await fake.close();
  await rm(directory, { recursive: true, force: true });
});

const SUITE = `suite: search
cases:
  - { id: s-ru-001, lang: ru, turns: [{ customer: "не приходит смс с кодом для входа", expect: { articles: [login-code-not-received-ru] } }, { customer: "а если я сменил номер телефона?", expect: { articles: [change-contact-details-ru] } }] }
  - { id: s-en-001, lang: en, turns: [{ customer: "how much is the Optima plan", expect: { articles: [plans-and-prices-en] } }] }
  - { id: s-en-002, lang: en, turns: [{ customer: "your outage left me without internet for 2 days, do i still pay full month", expect: { articles: [outages-en] } }] }
`;

describe('npm run eval:retrieval -- --model', () => {
  it('reports the offline and the model-assisted ranking side by side, per language', async () => {
    const suite = join(directory, 'search.yaml');
    await writeFile(suite, SUITE);
    // The scripted model rewrites the follow-up well, and ranks the outage article first but the price list last.
    fake.responder = (body) => {
      const prompt = JSON.stringify(body.messages);
      if (prompt.includes('standalone search query'))
        return { kind: 'content', content: '{"query": "как изменить номер телефона в договоре"}' };
      if (prompt.includes('plans-and-prices-en'))
        return { kind: 'content', content: '{"ranking": ["change-plan-en", "plans-and-prices-en"]}' };
      return { kind: 'content', content: '{"ranking": ["outages-en"]}' };
    };
    const result = await runScript('scripts/eval-retrieval.ts', ['--suite', suite, '--model'], {
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_API_KEY: 'k',
      OPENAI_MODEL: 'fake',
      PROMPTS_DIR: join(ROOT, 'prompts'),
      INDEX_DIR: join(directory, 'index'),
    });
    expect(result.stderr).toBe('');
    const line = (prefix: string) =>
      JSON.parse(
        result.stdout
          .split('\n')
          .find((entry) => entry.startsWith(prefix))
          ?.slice(prefix.length) ?? 'null',
      ) as { queries: number; hitAt1: number };
    expect(line('model ru: ')).toMatchObject({ queries: 2, hitAt1: 1 });
    expect(line('model en: ')).toMatchObject({ queries: 2, hitAt1: 0.5 });
    expect(line('en: ').queries).toBe(2);
    expect(fake.chatRequests.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses --model without a model', async () => {
    const result = await runScript('scripts/eval-retrieval.ts', ['--model'], {
      INDEX_DIR: join(directory, 'index'),
      OPENAI_MODEL: '',
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--model needs a model/);
  });
});
