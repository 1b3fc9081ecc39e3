import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.ts';
import { startServerProcess } from './support/server-process.ts';

const root = await mkdtemp(join(tmpdir(), 'firstline-crash-'));
afterAll(async () => rm(root, { recursive: true, force: true }));

interface Acknowledged {
  readonly conversation: string;
  readonly clientMessageId: string;
  readonly messageId: string;
  readonly replyId: string | null;
}

describe('nothing acknowledged is lost', () => {
  it('keeps every message that got a 200 across a SIGKILL, and none twice', async () => {
    const env = {
      DATA_DIR: join(root, 'data'),
      KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
      RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '1000000',
      // Durability under many concurrent messages from one client, not admission, is under test here.
      MESSAGES_IN_FLIGHT_PER_ADDRESS: '100000',
    };
    const server = await startServerProcess(env);
    const conversations: Array<{ id: string; token: string }> = [];
    for (let index = 0; index < 4; index += 1) {
      const response = await fetch(`${server.url}/v1/conversations`, { method: 'POST' });
      conversations.push((await response.json()) as { id: string; token: string });
    }
    const acknowledged: Acknowledged[] = [];
    const attempted: Array<{ conversation: string; token: string; clientMessageId: string; text: string }> = [];
    const questions = [
      'как оплатить картой',
      'не работает интернет',
      'how do I reset my password',
      'сколько стоит тариф Оптима',
      'where is my order',
    ];
    let killed = false;
    const customer = async (conversation: { id: string; token: string }, lane: number) => {
      for (let turn = 0; !killed; turn += 1) {
        const clientMessageId = `lane-${lane}-turn-${turn}`;
        const text = questions[(lane + turn) % questions.length] ?? '';
        attempted.push({ conversation: conversation.id, token: conversation.token, clientMessageId, text });
        try {
          const response = await fetch(`${server.url}/v1/conversations/${conversation.id}/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${conversation.token}` },
            body: JSON.stringify({ text, clientMessageId }),
          });
          if (response.status !== 200) continue;
          const body = (await response.json()) as { message: { id: string }; reply: { id: string } | null };
          acknowledged.push({
            conversation: conversation.id,
            clientMessageId,
            messageId: body.message.id,
            replyId: body.reply?.id ?? null,
          });
        } catch {
          return;
        }
      }
    };
    const lanes = conversations.map((conversation, lane) => customer(conversation, lane));
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 20));
    killed = true;
    await server.stop('SIGKILL');
    await Promise.all(lanes);

    const restarted = await startServerProcess(env);
    try {
      // Clients retry what was in flight: the same clientMessageId must not store anything twice.
      const inFlight = attempted.filter(
        (attempt) => !acknowledged.some((entry) => entry.clientMessageId === attempt.clientMessageId),
      );
      for (const attempt of inFlight) {
        const retry = await fetch(`${restarted.url}/v1/conversations/${attempt.conversation}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${attempt.token}` },
          body: JSON.stringify({ text: attempt.text, clientMessageId: attempt.clientMessageId }),
        });
        expect(retry.status).toBe(200);
      }
      for (const conversation of conversations) {
        const response = await fetch(`${restarted.url}/v1/conversations/${conversation.id}`, {
          headers: { authorization: `Bearer ${conversation.token}` },
        });
        const stored = (await response.json()) as { messages: Array<{ id: string; role: string; text: string }> };
        const ids = stored.messages.map((message) => message.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const entry of acknowledged.filter((item) => item.conversation === conversation.id)) {
          expect(ids).toContain(entry.messageId);
          if (entry.replyId !== null) expect(ids).toContain(entry.replyId);
        }
        const customerMessages = stored.messages.filter((message) => message.role === 'customer');
        const expectedCount = attempted.filter((attempt) => attempt.conversation === conversation.id).length;
        expect(customerMessages).toHaveLength(expectedCount);
        // The bot answers each message at most once (and stays silent once a conversation is handed off).
        expect(stored.messages.filter((message) => message.role === 'bot').length).toBeLessThanOrEqual(expectedCount);
      }
    } finally {
      await restarted.stop();
    }
  }, 120_000);
});

describe('restart during a handoff', () => {
  it('loses no ticket and no message', async () => {
    const env = {
      DATA_DIR: join(root, 'handoff-data'),
      KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
      INDEX_DIR: join(root, 'data', 'index'),
    };
    const created = await runCli(['agents', 'add', 'Мария', '--role', 'agent'], env);
    const agentToken = /token: (\S+)/.exec(created.stdout)?.[1] ?? '';
    const server = await startServerProcess(env);
    const conversation = (await (await fetch(`${server.url}/v1/conversations`, { method: 'POST' })).json()) as {
      id: string;
      token: string;
    };
    const post = (base: string, text: string) =>
      fetch(`${base}/v1/conversations/${conversation.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${conversation.token}` },
        body: JSON.stringify({ text }),
      });
    const handoff = (await (await post(server.url, 'позовите живого оператора, срочно')).json()) as {
      reply: { action: string };
    };
    expect(handoff.reply.action).toBe('handoff');
    expect((await post(server.url, 'я жду')).status).toBe(200);
    await server.stop('SIGKILL');

    const restarted = await startServerProcess(env);
    try {
      const { tickets } = (await (
        await fetch(`${restarted.url}/v1/tickets`, { headers: { authorization: `Bearer ${agentToken}` } })
      ).json()) as { tickets: Array<{ id: string; conversationId: string; status: string }> };
      const ticket = tickets.find((entry) => entry.conversationId === conversation.id);
      expect(ticket?.status).toBe('waiting');
      const detail = (await (
        await fetch(`${restarted.url}/v1/tickets/${ticket?.id ?? ''}`, {
          headers: { authorization: `Bearer ${agentToken}` },
        })
      ).json()) as { transcript: Array<{ role: string; text: string }> };
      expect(detail.transcript.map((message) => [message.role, message.text])).toEqual([
        ['customer', 'позовите живого оператора, срочно'],
        ['bot', expect.stringContaining('специалист')],
        ['customer', 'я жду'],
        // The waiting customer was told their message reached the request.
        ['system', expect.stringContaining('Вашему обращению')],
      ]);
      expect(
        (
          await fetch(`${restarted.url}/v1/tickets/${ticket?.id ?? ''}/claim`, {
            method: 'POST',
            headers: { authorization: `Bearer ${agentToken}` },
          })
        ).status,
      ).toBe(200);
    } finally {
      await restarted.stop();
    }
  }, 120_000);
});
