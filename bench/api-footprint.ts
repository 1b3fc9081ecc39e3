// Memory and idle cost of `npm run bench:api`: RSS and heap (after a full GC) per open conversation and
// per open customer feed, and the server's CPU while N customer feeds sit idle (no traffic at all).
import http from 'node:http';
import type { BenchServer, HeapSample } from './api-server.ts';
import type { CustomerTexts } from './api-texts.ts';
import { httpRequest, jsonBody } from './http-request.ts';
import { cpuPercent, sampleProcess } from './process-stats.ts';
import { pick, seededRandom } from './seeded-random.ts';
import { SseFeed } from './sse-feed.ts';
import { waitForQuiet } from './wait-for-quiet.ts';

export interface FootprintSettings {
  /** Conversations opened (one message each), then one idle feed on each. */
  readonly count: number;
  /** CPU of the idle server before the feeds are opened; 0 skips it. */
  readonly baselineSeconds: number;
  readonly idleSeconds: number;
  readonly seed: number;
}

export interface FootprintResult {
  readonly count: number;
  readonly rssPerConversation: number;
  readonly heapPerConversation: number;
  readonly rssPerFeed: number;
  readonly heapPerFeed: number;
  /** Percent of one core. */
  readonly idleCpuNoFeeds: number | null;
  readonly idleCpuFeeds: number;
  readonly memory: { readonly before: HeapSample; readonly conversations: HeapSample; readonly feeds: HeapSample };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `task` over `items` with at most `limit` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next;
        next += 1;
        await task(items[index]!, index);
      }
    }),
  );
}

export async function measureFootprint(
  server: BenchServer,
  texts: CustomerTexts,
  settings: FootprintSettings,
): Promise<FootprintResult> {
  const random = seededRandom(settings.seed);
  const questions = [...texts.questions.ru, ...texts.questions.en];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const conversations: Array<{ id: string; token: string }> = [];
  const before = await server.heap();
  try {
    await eachLimited(
      Array.from({ length: settings.count }, () => pick(random, questions)),
      8,
      async (text) => {
        const conversation = jsonBody<{ id: string; token: string }>(
          await httpRequest(agent, `${server.url}/v1/conversations`, { method: 'POST', timeoutMs: 30_000 }),
          201,
        );
        jsonBody(
          await httpRequest(agent, `${server.url}/v1/conversations/${conversation.id}/messages`, {
            method: 'POST',
            headers: { authorization: `Bearer ${conversation.token}` },
            json: { text },
            timeoutMs: 30_000,
          }),
          200,
        );
        conversations.push(conversation);
      },
    );
  } finally {
    agent.destroy();
  }
  await waitForQuiet(server.pid);
  const afterConversations = await server.heap();
  let idleCpuNoFeeds: number | null = null;
  if (settings.baselineSeconds > 0) {
    await waitForQuiet(server.pid);
    const start = sampleProcess(server.pid);
    await delay(settings.baselineSeconds * 1000);
    idleCpuNoFeeds = cpuPercent(start, sampleProcess(server.pid));
  }

  // Idle feeds: opened, never read (like a background tab), one per conversation.
  const feedAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const feeds: SseFeed[] = [];
  try {
    await eachLimited(conversations, 50, async (conversation) => {
      feeds.push(
        await SseFeed.open(feedAgent, `${server.url}/v1/conversations/${conversation.id}/events`, conversation.token, {
          read: false,
          timeoutMs: 30_000,
        }),
      );
    });
    await delay(1000);
    const afterFeeds = await server.heap();
    await delay(1000);
    const start = sampleProcess(server.pid);
    await delay(settings.idleSeconds * 1000);
    const idleCpuFeeds = cpuPercent(start, sampleProcess(server.pid));
    const count = Math.max(1, conversations.length);
    return {
      count: conversations.length,
      rssPerConversation: (afterConversations.rss - before.rss) / count,
      heapPerConversation: (afterConversations.heapUsed - before.heapUsed) / count,
      rssPerFeed: (afterFeeds.rss - afterConversations.rss) / Math.max(1, feeds.length),
      heapPerFeed: (afterFeeds.heapUsed - afterConversations.heapUsed) / Math.max(1, feeds.length),
      idleCpuNoFeeds,
      idleCpuFeeds,
      memory: { before, conversations: afterConversations, feeds: afterFeeds },
    };
  } finally {
    for (const feed of feeds) feed.close();
    feedAgent.destroy();
  }
}
