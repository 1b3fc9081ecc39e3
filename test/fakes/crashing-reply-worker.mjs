// A scripted reply worker for pool tests: answers like a worker, but exits the thread when asked "crash".
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, request }) => {
  if (request.text === 'crash') process.exit(3);
  parentPort.postMessage({
    kind: 'reply',
    id,
    reply: {
      text: `echo: ${request.text}`,
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
