// Load generator for `npm run bench:api`, run as its own process: autocannon against a running Firstline.
// Usage: node --import tsx bench/api-load.ts URL conversations.json SECONDS → JSON on stdout.
import autocannon from 'autocannon';
import { readFile } from 'node:fs/promises';

const [url = '', file = '', secondsText = '15'] = process.argv.slice(2);
const conversations = JSON.parse(await readFile(file, 'utf8')) as Array<{ id: string; token: string }>;
const seconds = Number(secondsText);
const QUESTIONS = [
  'Здравствуйте! Не приходит код подтверждения',
  'how do I change my wifi password',
  'сколько стоит тариф Оптима',
  'where is my order',
  'не работает интернет, что делать',
  'can I pay by card in the app',
];

function summary(result: autocannon.Result) {
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const ceiling = await autocannon({ url: `${url}/healthz`, connections: conversations.length, duration: seconds });
let next = 0;
const messages = await autocannon({
  url,
  connections: conversations.length,
  duration: seconds,
  setupClient: (client) => {
    const conversation = conversations[next % conversations.length];
    next += 1;
    client.setRequests(
      QUESTIONS.map((text) => ({
        method: 'POST',
        path: `/v1/conversations/${conversation?.id ?? ''}/messages`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${conversation?.token ?? ''}` },
        body: JSON.stringify({ text }),
      })),
    );
  },
});
process.stdout.write(`${JSON.stringify({ ceiling: summary(ceiling), messages: summary(messages) })}\n`);
