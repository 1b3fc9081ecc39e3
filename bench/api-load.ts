// Load generator for `npm run bench:api`, run as its own process: autocannon against a running Firstline.
// Usage: node --import tsx bench/api-load.ts URL conversations.json SECONDS → JSON on stdout.
import autocannon from 'autocannon';
import { readFile } from 'node:fs/promises';
import { parseSuite } from '../src/core/evals/suite.ts';

const [url = '', file = '', secondsText = '15'] = process.argv.slice(2);
const conversations = JSON.parse(await readFile(file, 'utf8')) as Array<{ id: string; token: string }>;
const seconds = Number(secondsText);
// Real customer wording from the retrieval eval set, so each conversation asks varied questions and the
// bot keeps answering (a question repeated after an answer is a loop and is handed to a person).
const suite = parseSuite('evals/retrieval.yaml', await readFile('evals/retrieval.yaml', 'utf8'));
// Questions on topics the bot answers itself (not the handoff-always ones), as a busy help desk mostly sees.
const HANDOFF_TOPICS = /^(?:account-hacked|billing-dispute|data-request|account-deletion|legal-claims)-/;
const QUESTIONS = suite.cases
  .filter((entry) => !(entry.turns[0]?.expect.articles ?? []).some((id) => HANDOFF_TOPICS.test(id)))
  .map((entry) => entry.turns[0]?.customer ?? '')
  .filter((text) => text !== '');
const CONNECTIONS = 50;
const PER_CLIENT = Math.floor(conversations.length / CONNECTIONS) || 1;

function summary(result: autocannon.Result) {
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    statusCodes: result.statusCodeStats,
  };
}

const ceiling = await autocannon({ url: `${url}/healthz`, connections: CONNECTIONS, duration: seconds });
let next = 0;
const messages = await autocannon({
  url,
  connections: CONNECTIONS,
  duration: seconds,
  setupClient: (client) => {
    // Each connection is one customer at a time over its own conversations, asking varied questions.
    const slot = next % CONNECTIONS;
    const mine = conversations.slice(slot * PER_CLIENT, (slot + 1) * PER_CLIENT);
    const offset = slot * 37;
    next += 1;
    client.setRequests(
      // Message k of every conversation before message k + 1 of any: three messages per conversation.
      Array.from({ length: PER_CLIENT * 3 }, (_, index) => {
        const conversation = mine[index % mine.length];
        return {
          method: 'POST',
          path: `/v1/conversations/${conversation?.id ?? ''}/messages`,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${conversation?.token ?? ''}` },
          body: JSON.stringify({ text: QUESTIONS[(offset + index) % QUESTIONS.length] }),
        };
      }),
    );
  },
});
process.stdout.write(`${JSON.stringify({ ceiling: summary(ceiling), messages: summary(messages) })}\n`);
