// Files both ways on the real app: a customer uploads and sends an image, the assignee replies with a PDF, both sides
// download what the conversation holds and nobody else does; the type is the content's, limits answer in JSON, an
// upload is sent once, and erasing the customer deletes the files.
import { existsSync } from 'node:fs';
import { request as httpRequest, Agent as HttpAgent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { customerEventView } from '../../src/http/event-stream.ts';
import { GENEROUS_LIMITS, HANDOFF_TEXT, expectErrorShape } from '../security/support.ts';
import { HTML_PAGE, pdfDocument, pngImage } from '../support/sample-files.ts';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

const LIMIT = 4096;
let service: TestService;
let agentToken: string;

beforeAll(async () => {
  service = await testService({ ...GENEROUS_LIMITS, MAX_ATTACHMENT_BYTES: String(LIMIT), MAX_BODY_BYTES: '1024' });
  agentToken = newToken();
  await service.agents.addAgent('Files Agent', 'agent', agentToken);
});
afterAll(() => service?.close());

const upload = (path: string, token: string, content: Uint8Array, name?: string, type = 'application/octet-stream') =>
  service.app.request(`${path}${name === undefined ? '' : `?name=${encodeURIComponent(name)}`}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: content,
  });

const download = (id: string, token?: string) =>
  service.app.request(`/v1/attachments/${id}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });

interface Uploaded {
  attachment: { id: string; name: string; type: string; bytes: number };
}

/** A customer whose request an agent has claimed. */
async function claimedConversation() {
  const conversation = await openConversation(service.app, {
    customer: { email: `files-${newToken().slice(0, 8)}@example.com` },
  });
  expect((await conversation.post({ text: HANDOFF_TEXT })).status).toBe(200);
  const ticket = (await service.store.tickets.listTickets({})).find(
    (entry) => entry.conversationId === conversation.id,
  );
  if (ticket === undefined) throw new Error('no ticket');
  const response = await service.app.request(`/v1/tickets/${ticket.id}/claim`, {
    method: 'POST',
    headers: { authorization: `Bearer ${agentToken}` },
  });
  expect(response.status).toBe(200);
  return { ...conversation, ticketId: ticket.id };
}

describe('customer attachments', () => {
  it('uploads a PNG, sends it with a message, and both the customer and an agent download it', async () => {
    const conversation = await claimedConversation();
    const image = pngImage(2, 2);
    const uploaded = await upload(
      `/v1/conversations/${conversation.id}/attachments`,
      conversation.token,
      image,
      'экран.png',
      'text/plain',
    );
    expect(uploaded.status).toBe(201);
    const { attachment } = (await uploaded.json()) as Uploaded;
    expect(attachment).toEqual({
      id: expect.any(String),
      name: 'экран.png',
      type: 'image/png',
      bytes: image.byteLength,
    });

    const sent = await conversation.post({ text: 'Here is the screen', attachmentIds: [attachment.id] });
    expect(sent.status).toBe(200);
    const result = (await sent.json()) as { message: { attachments?: unknown } };
    expect(result.message.attachments).toEqual([attachment]);

    for (const token of [conversation.token, agentToken]) {
      const response = await download(attachment.id, token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('content-disposition')).toBe(
        `inline; filename="_____.png"; filename*=UTF-8''${encodeURIComponent('экран.png')}`,
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      expect(response.headers.get('cache-control')).toBe('private');
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(image);
    }

    const transcript = (await (
      await service.app.request(`/v1/tickets/${conversation.ticketId}`, {
        headers: { authorization: `Bearer ${agentToken}` },
      })
    ).json()) as { transcript: Array<{ role: string; attachments?: unknown }> };
    expect(transcript.transcript.filter((message) => message.attachments !== undefined)).toEqual([
      expect.objectContaining({ role: 'customer', attachments: [attachment] }),
    ]);
  });

  it('refuses a page named photo.png by its content, whatever the Content-Type says', async () => {
    const conversation = await openConversation(service.app);
    const response = await upload(
      `/v1/conversations/${conversation.id}/attachments`,
      conversation.token,
      HTML_PAGE,
      'photo.png',
      'image/png',
    );
    expect(response.status).toBe(415);
    const body = await response.json();
    expectErrorShape(body, 'html as png', 'unsupported_media_type');
    expect((body as { error: { code: string } }).error.code).toBe('unsupported_media_type:attachment');
  });

  it('refuses an empty file with 400', async () => {
    const conversation = await openConversation(service.app);
    const response = await upload(
      `/v1/conversations/${conversation.id}/attachments`,
      conversation.token,
      new Uint8Array(),
      'a.png',
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request:attachment');
  });

  it("refuses another conversation's token for upload and download alike", async () => {
    const owner = await openConversation(service.app);
    const stranger = await openConversation(service.app);
    const refused = await upload(`/v1/conversations/${owner.id}/attachments`, stranger.token, pngImage());
    expect(refused.status).toBe(403);
    const { attachment } = (await (
      await upload(`/v1/conversations/${owner.id}/attachments`, owner.token, pngImage())
    ).json()) as Uploaded;
    const response = await download(attachment.id, stranger.token);
    expect(response.status).toBe(403);
    expectErrorShape(await response.json(), 'stranger download', 'forbidden');
    expect((await download(attachment.id)).status).toBe(401);
    expect((await download('no-such-file', owner.token)).status).toBe(404);
  });

  it("sends an upload once, and never another conversation's", async () => {
    const owner = await openConversation(service.app);
    const other = await openConversation(service.app);
    const { attachment } = (await (
      await upload(`/v1/conversations/${owner.id}/attachments`, owner.token, pngImage())
    ).json()) as Uploaded;
    const foreign = await other.post({ text: 'mine?', attachmentIds: [attachment.id] });
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('not_found:attachment');
    expect((await owner.post({ text: 'first', attachmentIds: [attachment.id] })).status).toBe(200);
    const again = await owner.post({ text: 'second', attachmentIds: [attachment.id] });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('conflict:attachment');
    // Refused messages are not stored.
    const read = (await (
      await service.app.request(`/v1/conversations/${owner.id}`, {
        headers: { authorization: `Bearer ${owner.token}` },
      })
    ).json()) as { messages: Array<{ text: string }> };
    expect(read.messages.map((message) => message.text)).not.toContain('second');
  });

  it('answers a message of files alone politely, in its language, without reading them', async () => {
    const conversation = await openConversation(service.app, { lang: 'en' });
    const { attachment } = (await (
      await upload(`/v1/conversations/${conversation.id}/attachments`, conversation.token, pdfDocument())
    ).json()) as Uploaded;
    const response = await conversation.post({ text: '', attachmentIds: [attachment.id] });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      message: { text: string; attachments: unknown[] };
      reply: { text: string; action: string };
    };
    expect(result.message).toMatchObject({
      text: '',
      attachments: [{ id: attachment.id, type: 'application/pdf', name: 'file.pdf' }],
    });
    expect(result.reply.action).toBe('clarify');
    expect(result.reply.text).toMatch(/cannot look inside files/);
    expect(result.reply.text).toMatch(/specialist/);
    const ru = await openConversation(service.app, { lang: 'ru' });
    const uploaded = (await (
      await upload(`/v1/conversations/${ru.id}/attachments`, ru.token, pngImage())
    ).json()) as Uploaded;
    const reply = (
      (await (await ru.post({ text: '', attachmentIds: [uploaded.attachment.id] })).json()) as {
        reply: { text: string };
      }
    ).reply;
    expect(reply.text).toMatch(/не умею открывать файлы/);
  });

  it('still refuses an empty message without files, and more than five files', async () => {
    const conversation = await openConversation(service.app);
    const empty = await conversation.post({ text: '' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('bad_request:text');
    const many = await conversation.post({ text: 'x', attachmentIds: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(many.status).toBe(400);
    expect(((await many.json()) as { error: { code: string } }).error.code).toBe('bad_request:attachmentIds');
  });
});

describe('agent attachments', () => {
  it("carries the files' metadata in the customer's live message event", async () => {
    const conversation = await claimedConversation();
    const { attachment } = (await (
      await upload(`/v1/tickets/${conversation.ticketId}/attachments`, agentToken, pngImage(), 'plan.png')
    ).json()) as Uploaded;
    await service.app.request(`/v1/tickets/${conversation.ticketId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'See the plan', attachmentIds: [attachment.id] }),
    });
    const sent = (await service.store.listEvents(conversation.id)).find((event) => event.type === 'agent-message-sent');
    if (sent === undefined) throw new Error('no agent-message-sent event');
    expect(customerEventView(sent)).toEqual({
      event: 'message',
      data: expect.objectContaining({ role: 'agent', text: 'See the plan', attachments: [attachment] }),
    });
  });

  it('lets the assignee reply with a PDF the customer sees in the transcript and downloads as a file', async () => {
    const conversation = await claimedConversation();
    const pdf = pdfDocument();
    const uploaded = await upload(
      `/v1/tickets/${conversation.ticketId}/attachments`,
      agentToken,
      pdf,
      'Инструкция "v2".pdf',
    );
    expect(uploaded.status).toBe(201);
    const { attachment } = (await uploaded.json()) as Uploaded;
    const sent = await service.app.request(`/v1/tickets/${conversation.ticketId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '', attachmentIds: [attachment.id] }),
    });
    expect(sent.status).toBe(200);
    expect(((await sent.json()) as { message: { attachments: unknown } }).message.attachments).toEqual([attachment]);
    const read = (await (
      await service.app.request(`/v1/conversations/${conversation.id}`, {
        headers: { authorization: `Bearer ${conversation.token}` },
      })
    ).json()) as { messages: Array<{ role: string; attachments?: unknown }> };
    expect(read.messages.at(-1)).toMatchObject({ role: 'agent', attachments: [attachment] });
    const file = await download(attachment.id, conversation.token);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="__________ _v2_.pdf"; filename*=UTF-8''${encodeURIComponent('Инструкция "v2".pdf')}`,
    );
  });

  it('stores a customer message of files alone while a person serves them, and the bot stays silent', async () => {
    const conversation = await claimedConversation();
    const { attachment } = (await (
      await upload(`/v1/conversations/${conversation.id}/attachments`, conversation.token, pngImage())
    ).json()) as Uploaded;
    const response = await conversation.post({ text: '', attachmentIds: [attachment.id] });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { message: { attachments: unknown }; reply: unknown };
    expect(result).toMatchObject({ message: { attachments: [attachment] }, reply: null });
    expect(service.logger.entries.filter((entry) => entry.level !== 'info')).toEqual([]);
  });

  it('refuses an upload by an agent who is not the assignee', async () => {
    const conversation = await claimedConversation();
    const otherToken = newToken();
    await service.agents.addAgent('Other Agent', 'agent', otherToken);
    const response = await upload(`/v1/tickets/${conversation.ticketId}/attachments`, otherToken, pdfDocument());
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('conflict:ticket');
  });
});

describe('limits over a real connection', () => {
  it('answers a file over MAX_ATTACHMENT_BYTES with a JSON 413, and the connection serves the next request', async () => {
    const server: ServerType = serve({ fetch: service.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const port = (server.address() as AddressInfo).port;
    const agent = new HttpAgent({ keepAlive: true, maxSockets: 1 });
    try {
      const conversation = await openConversation(service.app);
      const send = (content: Uint8Array) =>
        new Promise<{ status: number; body: string; reused: boolean }>((resolve, reject) => {
          const request = httpRequest(
            {
              host: '127.0.0.1',
              port,
              agent,
              method: 'POST',
              path: `/v1/conversations/${conversation.id}/attachments?name=big.png`,
              headers: {
                authorization: `Bearer ${conversation.token}`,
                'content-type': 'image/png',
                'content-length': content.byteLength,
              },
            },
            (response) => {
              let body = '';
              response.setEncoding('utf8');
              response.on('data', (piece: string) => (body += piece));
              response.on('end', () =>
                resolve({ status: response.statusCode ?? 0, body, reused: request.reusedSocket }),
              );
            },
          );
          request.on('error', reject);
          request.end(content);
        });
      const big = new Uint8Array(LIMIT + 1);
      big.set(pngImage());
      const refused = await send(big);
      expect(refused.status).toBe(413);
      expect(JSON.parse(refused.body)).toEqual({
        error: { code: 'payload_too_large:attachment', message: `the file is larger than ${LIMIT} bytes` },
      });
      const accepted = await send(pngImage());
      expect(accepted.status).toBe(201);
      expect(accepted.reused).toBe(true);
    } finally {
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('keeps JSON routes at MAX_BODY_BYTES while uploads take files up to their own limit', async () => {
    const conversation = await openConversation(service.app);
    const image = new Uint8Array(3000);
    image.set(pngImage());
    expect((await upload(`/v1/conversations/${conversation.id}/attachments`, conversation.token, image)).status).toBe(
      201,
    );
    const json = await conversation.post({ text: 'x'.repeat(2000) });
    expect(json.status).toBe(413);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('payload_too_large:body');
  });
});

describe('erasure', () => {
  it("deletes the customer's files and their records, and the export listed them before", async () => {
    const conversation = await claimedConversation();
    const { attachment } = (await (
      await upload(`/v1/conversations/${conversation.id}/attachments`, conversation.token, pngImage(), 'passport.png')
    ).json()) as Uploaded;
    expect((await conversation.post({ text: 'scan', attachmentIds: [attachment.id] })).status).toBe(200);
    const folder = join(service.dataDirectory, 'attachments', conversation.id);
    expect(existsSync(join(folder, attachment.id))).toBe(true);
    const key = (await service.store.getConversation(conversation.id))?.customer.email ?? '';
    const adminToken = newToken();
    await service.agents.addAgent('Files Admin', 'admin', adminToken);
    const exported = (await (
      await service.app.request(`/v1/customers/${encodeURIComponent(key)}/export`, {
        headers: { authorization: `Bearer ${adminToken}` },
      })
    ).json()) as { conversations: Array<{ messages: Array<{ attachments?: unknown }> }> };
    expect(exported.conversations[0]?.messages.flatMap((message) => message.attachments ?? [])).toEqual([attachment]);
    const erased = await service.app.request(`/v1/customers/${encodeURIComponent(key)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(erased.status).toBe(200);
    expect(existsSync(folder)).toBe(false);
    expect(await service.attachmentStore.find(attachment.id)).toBeUndefined();
    expect((await download(attachment.id, agentToken)).status).toBe(404);
  });
});
