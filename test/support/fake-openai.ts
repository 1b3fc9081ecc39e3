// A fake OpenAI-compatible server on 127.0.0.1 for driving the real @langchain/openai client in tests.
// Scripted per request; records every request body.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ChatScript =
  /** Streams `content` in chunks; `pauseMs` between chunks; `cutAt` drops the connection after that many characters. */
  | {
      readonly kind: 'content';
      readonly content: string;
      readonly chunkSize?: number;
      readonly pauseMs?: number;
      readonly cutAt?: number;
    }
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly body?: string;
      readonly headers?: Record<string, string>;
    }
  | { readonly kind: 'delay'; readonly ms: number; readonly then: ChatScript }
  /** Answers only once `open` resolves (a model that takes as long as the test wants). */
  | { readonly kind: 'gate'; readonly open: Promise<void>; readonly then: ChatScript };

export interface FakeOpenAi {
  readonly baseUrl: string;
  readonly chatRequests: Array<Record<string, unknown>>;
  readonly embeddingRequests: Array<{ input: string[]; model: string; encoding_format?: string }>;
  /** Scripts consumed in order; when empty, `fallback` answers. */
  readonly script: ChatScript[];
  fallback: ChatScript;
  /** When set, answers every chat request from its body (after the script is used up). */
  responder?: ((body: Record<string, unknown>) => ChatScript) | undefined;
  /** When true, requests asking for `response_format: json_schema` get a 400, as from endpoints without structured output. */
  rejectJsonSchema: boolean;
  /** When each chat request arrived (ms since the epoch), in order. */
  readonly chatTimes: number[];
  /** How the embeddings endpoint behaves: answers, never answers, or fails with a 500. */
  embeddings: 'ok' | 'hang' | 'fail';
  close(): Promise<void>;
}

function vectorFor(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)) {
    let hash = 2166136261;
    for (const char of word) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
    vector[(hash >>> 0) % dimensions] = (vector[(hash >>> 0) % dimensions] ?? 0) + 1;
  }
  return vector;
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of request) raw += String(chunk);
  return JSON.parse(raw || '{}') as Record<string, unknown>;
}

async function answerChat(script: ChatScript, body: Record<string, unknown>, response: ServerResponse): Promise<void> {
  if (script.kind === 'delay') {
    await new Promise((resolve) => setTimeout(resolve, script.ms));
    if (response.destroyed) return;
    return answerChat(script.then, body, response);
  }
  if (script.kind === 'gate') {
    await script.open;
    if (response.destroyed) return;
    return answerChat(script.then, body, response);
  }
  if (script.kind === 'status') {
    response.writeHead(script.status, { 'content-type': 'application/json', ...script.headers });
    response.end(script.body ?? JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }));
    return;
  }
  const base = { id: 'chatcmpl-fake', created: 1_700_000_000, model: String(body.model ?? 'fake') };
  if (body.stream !== true) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: script.content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }),
    );
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const size = script.chunkSize ?? 7;
  const send = (payload: unknown) => response.write(`data: ${JSON.stringify(payload)}\n\n`);
  send({
    ...base,
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
  });
  const end = Math.min(script.content.length, script.cutAt ?? script.content.length);
  for (let index = 0; index < end; index += size) {
    send({
      ...base,
      object: 'chat.completion.chunk',
      choices: [
        { index: 0, delta: { content: script.content.slice(index, Math.min(end, index + size)) }, finish_reason: null },
      ],
    });
    if (script.pauseMs !== undefined) await new Promise((resolve) => setTimeout(resolve, script.pauseMs));
    if (response.destroyed) return;
  }
  if (script.cutAt !== undefined) {
    // Let the client read what was sent before the connection drops.
    await new Promise((resolve) => setTimeout(resolve, 100));
    response.destroy();
    return;
  }
  send({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
  response.end('data: [DONE]\n\n');
}

export async function startFakeOpenAi(options: { dimensions?: number; port?: number } = {}): Promise<FakeOpenAi> {
  const dimensions = options.dimensions ?? 32;
  const state = {
    chatRequests: [] as Array<Record<string, unknown>>,
    embeddingRequests: [] as FakeOpenAi['embeddingRequests'],
    script: [] as ChatScript[],
    fallback: { kind: 'status', status: 500 } as ChatScript,
    responder: undefined as ((body: Record<string, unknown>) => ChatScript) | undefined,
    rejectJsonSchema: false,
    chatTimes: [] as number[],
    embeddings: 'ok' as 'ok' | 'hang' | 'fail',
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      if (request.url?.endsWith('/chat/completions')) {
        state.chatRequests.push(body);
        state.chatTimes.push(Date.now());
        const format = (body.response_format as { type?: string } | undefined)?.type;
        if (state.rejectJsonSchema && format === 'json_schema') {
          await answerChat(
            {
              kind: 'status',
              status: 400,
              body: JSON.stringify({
                error: {
                  message:
                    "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
                  type: 'invalid_request_error',
                  param: 'response_format',
                },
              }),
            },
            body,
            response,
          );
          return;
        }
        await answerChat(state.script.shift() ?? state.responder?.(body) ?? state.fallback, body, response);
        return;
      }
      if (request.url?.endsWith('/embeddings')) {
        const input = (Array.isArray(body.input) ? body.input : [body.input]).map(String);
        state.embeddingRequests.push({
          input,
          model: String(body.model),
          encoding_format: body.encoding_format as string | undefined,
        });
        if (state.embeddings === 'hang') return;
        if (state.embeddings === 'fail') {
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: { message: 'scripted embeddings failure', type: 'server_error' } }));
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            object: 'list',
            model: body.model,
            data: input.map((text, index) => ({ object: 'embedding', index, embedding: vectorFor(text, dimensions) })),
            usage: { prompt_tokens: 1, total_tokens: 1 },
          }),
        );
        return;
      }
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `no route ${request.url ?? ''}` } }));
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    chatRequests: state.chatRequests,
    embeddingRequests: state.embeddingRequests,
    script: state.script,
    get fallback() {
      return state.fallback;
    },
    set fallback(value: ChatScript) {
      state.fallback = value;
    },
    get responder() {
      return state.responder;
    },
    get rejectJsonSchema() {
      return state.rejectJsonSchema;
    },
    set rejectJsonSchema(value: boolean) {
      state.rejectJsonSchema = value;
    },
    chatTimes: state.chatTimes,
    get embeddings() {
      return state.embeddings;
    },
    set embeddings(value: 'ok' | 'hang' | 'fail') {
      state.embeddings = value;
    },
    set responder(value: ((body: Record<string, unknown>) => ChatScript) | undefined) {
      state.responder = value;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
