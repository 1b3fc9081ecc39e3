// Soak: 10,000 messages of adversarial shapes through the real service (HTTP, SQLite file, reply pipeline), on
// loopback only, and the heap after a full GC stays under a stated ceiling above where it started.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConversation, testService, type TestService } from './support/test-service.ts';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const MESSAGES = 10_000;
const CONVERSATIONS = 1_000;
/** What 10,000 messages may leave behind on the heap: caches at their byte budgets and the live conversations. */
const CEILING_BYTES = 48 * 1024 * 1024;

/** Message `index` in one of several hostile shapes, each unique so no memo can simply hit. */
function hostile(index: number): string {
  const tag = index.toString(36);
  switch (index % 6) {
    case 0:
      return `${'ж'.repeat(3_990)}${tag}`;
    case 1:
      return `${tag}${'x'.repeat(3_990)}`;
    case 2:
      return `${'9'.repeat(3_000)} ${tag}`;
    case 3:
      return `${'!?'.repeat(1_500)}${tag}`;
    case 4:
      return `${'😡'.repeat(1_000)} ${tag}`;
    default:
      return `Как оплатить тариф ${tag}? ${'очень '.repeat(400)}`;
  }
}

let service: TestService;
beforeAll(async () => {
  service = await testService({
    RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000000',
    RATE_LIMIT_ADDRESS_PER_MINUTE: '10000000',
    MESSAGES_IN_FLIGHT_PER_ADDRESS: '100000',
    // A thousand conversations from one test address: memory, not flood control, is under test.
    CONVERSATIONS_PER_ADDRESS_PER_HOUR: '1000000',
    HANDOFFS_PER_SOURCE_PER_HOUR: '1000000',
  });
});
afterAll(async () => service.close());

describe('soak', () => {
  it(`keeps the heap within ${CEILING_BYTES / 1024 / 1024} MiB of where it started after ${MESSAGES} hostile messages`, async () => {
    const conversations = await Promise.all(
      Array.from({ length: CONVERSATIONS }, () => openConversation(service.app, { lang: 'ru' })),
    );
    const send = async (index: number) => {
      const conversation = conversations[index % CONVERSATIONS];
      const response = await conversation?.post({ text: hostile(index) });
      if (response?.status !== 200) throw new Error(`message ${index}: ${response?.status} ${await response?.text()}`);
    };
    // Warm-up: every code path and lazily built structure once.
    for (let index = 0; index < 200; index += 8)
      await Promise.all(Array.from({ length: 8 }, (_, offset) => send(index + offset)));
    collect();
    const before = process.memoryUsage().heapUsed;
    for (let index = 200; index < MESSAGES; index += 8) {
      await Promise.all(Array.from({ length: 8 }, (_, offset) => send(index + offset)));
    }
    collect();
    const after = process.memoryUsage().heapUsed;
    expect(after - before).toBeLessThan(CEILING_BYTES);
  }, 600_000);
});
