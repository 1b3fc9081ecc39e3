// A reply worker thread: loads the index generation the main thread serves and runs the offline reply
// pipeline for requests posted to it, so retrieval and composition do not hold up HTTP and SQLite. Runtime: Node.
import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../../adapters/logging/pino-logger.ts';
import { openGeneration } from './knowledge-service.ts';
import { transferableReply, type FromWorker, type ReplyWorkerData, type ToWorker } from './reply-worker-protocol.ts';
import { createReplyPipeline } from './services.ts';

const port = parentPort;
if (port === null) throw new Error('reply-worker.ts runs only as a worker thread');
const { config, generation } = workerData as ReplyWorkerData;
const logger = createLogger(config.LOG_LEVEL, { redactPii: config.REDACT_PII === 'on' });
const pipeline = createReplyPipeline(config, await openGeneration(config, generation), logger);
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  const { id, request } = message;
  send({ kind: 'started', id });
  const onToken = request.stream ? (text: string) => send({ kind: 'token', id, text }) : undefined;
  void pipeline
    .reply({ ...request, onToken })
    .then((reply) => send({ kind: 'reply', id, reply: transferableReply(reply) }));
});
send({ kind: 'ready' });
