// The LLM path on Workers: the reply isolates run @langchain/openai (fetch) against an OpenAI-compatible server on
// 127.0.0.1, with the bundle's prompts and js-tiktoken; every claim is checked against the cited articles before the
// customer reads it, as on Node.
import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';

const BASE = 'https://firstline.test';
let agentToken = '';

beforeAll(async () => {
  const created = await SELF.fetch(`${BASE}/v1/admin/agents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test-admin-token' },
    body: JSON.stringify({ name: 'Мария', role: 'agent' }),
  });
  agentToken = ((await created.json()) as { token: string }).token;
});

interface Reply {
  readonly text: string;
  readonly action: string;
  readonly citations: Array<{ articleId: string }>;
}
/** The reply as agents see it in the transcript: who wrote it and what the claim check made of it. */
interface AgentView {
  readonly text: string;
  readonly composer: string;
  readonly verification?: { outcome: string; unsupported: Array<{ claim: string }> };
}

/** Asks, then asks for a person so that an agent can read the first reply as agents see it. */
async function ask(text: string): Promise<{ reply: Reply; seen: AgentView | undefined }> {
  const opened = await SELF.fetch(`${BASE}/v1/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lang: 'ru' }),
  });
  const { id, token } = (await opened.json()) as { id: string; token: string };
  const posted = await SELF.fetch(`${BASE}/v1/conversations/${id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ text }),
  });
  expect(posted.status).toBe(200);
  const { reply } = (await posted.json()) as { reply: Reply };
  await SELF.fetch(`${BASE}/v1/conversations/${id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ text: 'Позовите, пожалуйста, оператора' }),
  });
  const agent = { authorization: `Bearer ${agentToken}` };
  const { tickets } = (await (await SELF.fetch(`${BASE}/v1/tickets`, { headers: agent })).json()) as {
    tickets: Array<{ id: string; conversationId: string }>;
  };
  const ticket = tickets.find((entry) => entry.conversationId === id);
  const { transcript } = (await (await SELF.fetch(`${BASE}/v1/tickets/${ticket?.id}`, { headers: agent })).json()) as {
    transcript: Array<AgentView & { role: string }>;
  };
  return { reply, seen: transcript.find((message) => message.role === 'bot') };
}

describe('the LLM path on Workers', () => {
  it("answers with the model's verified text, citing the article it came from", async () => {
    const { reply, seen } = await ask('Не приходит код подтверждения при входе, что делать?');
    expect(reply.action).toBe('answer');
    expect(seen, JSON.stringify(seen?.verification)).toMatchObject({
      text: reply.text,
      composer: 'llm',
      verification: { outcome: 'verified' },
    });
    expect(reply.citations.length).toBeGreaterThan(0);
    expect(reply.text).toMatch(/^Здравствуйте!/);
  });

  it('never lets an amount the articles do not state reach the customer', async () => {
    const { reply, seen } = await ask('Код подтверждения не приходит по SMS, подскажите, пожалуйста');
    expect(reply.text).not.toContain('5000');
    expect(seen?.composer).toBe('llm');
    expect(seen?.verification?.outcome).toMatch(/^(repaired|replaced)$/);
    expect(seen?.verification?.unsupported.map((claim) => claim.claim).join(' ')).toContain('5000');
  });
});
