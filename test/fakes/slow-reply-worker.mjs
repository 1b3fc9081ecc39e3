// A scripted reply worker for pool tests: works on one request at a time for `request.text` milliseconds of
// busy CPU (a queue forms behind it), saying when it starts each one, as the real worker does.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, request }) => {
  parentPort.postMessage({ kind: 'started', id });
  const until = Date.now() + Number(request.text);
  while (Date.now() < until);
  parentPort.postMessage({
    kind: 'reply',
    id,
    reply: {
      text: `done after ${request.text} ms`,
      meta: {
        action: 'answer',
        citations: [],
        confidence: { score: 1, components: {} },
        lang: 'en',
        composer: 'offline',
      },
    },
  });
});
parentPort.postMessage({ kind: 'ready' });
