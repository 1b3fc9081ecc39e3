// Warm-up of a fresh server for `npm run bench:api`: a few customers in a closed loop (each waits for its
// reply) for some seconds. A cold server is many times slower per message (JIT, caches, the reply worker)
// and an open-loop warm-up at a fixed rate would only pile up timeouts.
import http from 'node:http';
import type { BenchServer } from './api-server.ts';
import type { CustomerTexts } from './api-texts.ts';
import { httpRequest, jsonBody } from './http-request.ts';
import { pick, seededRandom } from './seeded-random.ts';

export interface WarmupResult {
  readonly messages: number;
  readonly errors: number;
  readonly seconds: number;
}

export async function warmUp(
  server: BenchServer,
  texts: CustomerTexts,
  { seconds, customers = 4, seed }: { seconds: number; customers?: number; seed: number },
): Promise<WarmupResult> {
  const random = seededRandom(seed);
  const agent = new http.Agent({ keepAlive: true, maxSockets: customers });
  const started = performance.now();
  const until = started + seconds * 1000;
  let messages = 0;
  let errors = 0;
  try {
    await Promise.all(
      Array.from({ length: customers }, async () => {
        while (performance.now() < until && errors < 20) {
          try {
            const opening = pick(random, texts.openings);
            const conversation = jsonBody<{ id: string; token: string }>(
              await httpRequest(agent, `${server.url}/v1/conversations`, { method: 'POST', timeoutMs: 60_000 }),
              201,
            );
            for (const text of [...opening.texts, pick(random, texts.questions[opening.lang])].slice(0, 3)) {
              if (performance.now() >= until) break;
              jsonBody(
                await httpRequest(agent, `${server.url}/v1/conversations/${conversation.id}/messages`, {
                  method: 'POST',
                  headers: { authorization: `Bearer ${conversation.token}` },
                  json: { text },
                  timeoutMs: 60_000,
                }),
                200,
              );
              messages += 1;
            }
          } catch {
            errors += 1;
          }
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  if (errors >= 20) throw new Error(`warm-up: ${errors} requests failed; is the server up?`);
  return { messages, errors, seconds: (performance.now() - started) / 1000 };
}
