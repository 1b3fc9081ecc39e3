// Event delivery latency of `npm run bench:api`: an agent posts to a claimed ticket — how long until the
// customer's open event feed has the message; a customer writes to a conversation a person is handling —
// how long until the agent feed has it. Timed from the start of the POST. A few lanes (one conversation
// each) run side by side; before each delivery a random pause spreads the sends over the feeds' poll cycle.
import http from 'node:http';
import type { BenchServer } from './api-server.ts';
import type { CustomerTexts } from './api-texts.ts';
import { httpRequest, jsonBody } from './http-request.ts';
import { summarizeLatencies, type LatencySummary } from './percentiles.ts';
import { seededRandom } from './seeded-random.ts';
import { SseFeed, type SseEvent } from './sse-feed.ts';

export interface DeliverySettings {
  /** Deliveries in each direction. */
  readonly deliveries: number;
  readonly lanes: number;
  readonly seed: number;
}

export interface DeliveryResult {
  readonly agentToCustomer: LatencySummary;
  readonly customerToAgent: LatencySummary;
  readonly failures: number;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const TIMEOUT_MS = 10_000;

function dataOf(event: SseEvent): Record<string, unknown> {
  try {
    return JSON.parse(event.data) as Record<string, unknown>;
  } catch {
    return {};
  }
}

interface Lane {
  readonly id: string;
  readonly token: string;
  readonly ticketId: string;
  readonly feed: SseFeed;
}

/** A conversation handed to a person (asked for one), its ticket claimed by the bench agent, its customer feed open. */
async function openLane(server: BenchServer, agent: http.Agent, texts: CustomerTexts, index: number): Promise<Lane> {
  const agentAuth = { authorization: `Bearer ${server.agentToken}` };
  const requests = [...texts.personRequests.ru, ...texts.personRequests.en];
  for (let attempt = 0; attempt < requests.length; attempt += 1) {
    const conversation = jsonBody<{ id: string; token: string }>(
      await httpRequest(agent, `${server.url}/v1/conversations`, { method: 'POST', timeoutMs: TIMEOUT_MS }),
      201,
    );
    const text = requests[(index * 7 + attempt) % requests.length]!;
    const posted = jsonBody<{ reply: { action?: string } | null }>(
      await httpRequest(agent, `${server.url}/v1/conversations/${conversation.id}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${conversation.token}` },
        json: { text },
        timeoutMs: TIMEOUT_MS,
      }),
      200,
    );
    if (posted.reply?.action !== 'handoff') continue;
    const { tickets } = jsonBody<{ tickets: Array<{ id: string; conversationId: string }> }>(
      await httpRequest(agent, `${server.url}/v1/tickets?status=waiting`, {
        method: 'GET',
        headers: agentAuth,
        timeoutMs: TIMEOUT_MS,
      }),
      200,
    );
    const ticket = tickets.find((entry) => entry.conversationId === conversation.id);
    if (ticket === undefined) throw new Error(`no waiting ticket for conversation ${conversation.id} after a handoff`);
    jsonBody(
      await httpRequest(agent, `${server.url}/v1/tickets/${ticket.id}/claim`, {
        method: 'POST',
        headers: agentAuth,
        timeoutMs: TIMEOUT_MS,
      }),
      200,
    );
    const feed = await SseFeed.open(
      agent,
      `${server.url}/v1/conversations/${conversation.id}/events`,
      conversation.token,
      { read: true },
    );
    return { id: conversation.id, token: conversation.token, ticketId: ticket.id, feed };
  }
  throw new Error('no request for a person in the eval suites was handed off');
}

export async function measureDelivery(
  server: BenchServer,
  texts: CustomerTexts,
  settings: DeliverySettings,
): Promise<DeliveryResult> {
  const random = seededRandom(settings.seed);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const lanes: Lane[] = [];
  let agentFeed: SseFeed | undefined;
  let failures = 0;
  try {
    for (let index = 0; index < settings.lanes; index += 1) lanes.push(await openLane(server, agent, texts, index));
    agentFeed = await SseFeed.open(agent, `${server.url}/v1/agent/events`, server.agentToken, { read: true });
    const feed = agentFeed;
    await delay(500);
    const perLane = Math.ceil(settings.deliveries / settings.lanes);
    const pauses = Array.from({ length: perLane * settings.lanes * 2 }, () => 25 + random.next() * 200);
    const time = async (
      lane: number,
      k: number,
      waitFor: Promise<SseEvent>,
      post: () => Promise<void>,
    ): Promise<number | undefined> => {
      await delay(pauses[lane * perLane * 2 + k] ?? 100);
      const started = performance.now();
      try {
        await post();
        return (await waitFor).at - started;
      } catch {
        failures += 1;
        return undefined;
      }
    };
    const agentToCustomer: number[] = [];
    await Promise.all(
      lanes.map(async (lane, index) => {
        for (let k = 0; k < perLane; k += 1) {
          const text = `Bench delivery ${index}.${k}: checking your line now.`;
          const arrived = lane.feed.next(
            (event) => event.event === 'message' && dataOf(event).text === text,
            TIMEOUT_MS,
          );
          arrived.catch(() => undefined);
          const latency = await time(index, k, arrived, async () => {
            jsonBody(
              await httpRequest(agent, `${server.url}/v1/tickets/${lane.ticketId}/messages`, {
                method: 'POST',
                headers: { authorization: `Bearer ${server.agentToken}` },
                json: { text },
                timeoutMs: TIMEOUT_MS,
              }),
              200,
            );
          });
          if (latency !== undefined) agentToCustomer.push(latency);
        }
      }),
    );
    const customerToAgent: number[] = [];
    await Promise.all(
      lanes.map(async (lane, index) => {
        for (let k = 0; k < perLane; k += 1) {
          const arrived = feed.next(
            (event) => event.event === 'message-received' && dataOf(event).conversationId === lane.id,
            TIMEOUT_MS,
          );
          arrived.catch(() => undefined);
          const latency = await time(index, perLane + k, arrived, async () => {
            jsonBody(
              await httpRequest(agent, `${server.url}/v1/conversations/${lane.id}/messages`, {
                method: 'POST',
                headers: { authorization: `Bearer ${lane.token}` },
                json: { text: `Still there? (${k})` },
                timeoutMs: TIMEOUT_MS,
              }),
              200,
            );
          });
          if (latency !== undefined) customerToAgent.push(latency);
        }
      }),
    );
    return {
      agentToCustomer: summarizeLatencies(agentToCustomer),
      customerToAgent: summarizeLatencies(customerToAgent),
      failures,
    };
  } finally {
    agentFeed?.close();
    for (const lane of lanes) lane.feed.close();
    agent.destroy();
  }
}
