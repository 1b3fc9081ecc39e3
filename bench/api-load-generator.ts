// Load generator of `npm run bench:api`, its own process so that its CPU is not the server's: runs each
// job (a plan from api-plan.ts) open-loop — every request leaves at its scheduled time whether or not
// earlier ones were answered — and times each from that scheduled time, so a stall is charged to every
// request it delays (no coordinated omission).
// Usage: node --import tsx bench/api-load-generator.ts ROOT   (jobs on stdin, events on stdout; see api-load-protocol.ts)
import http from 'node:http';
import { createInterface } from 'node:readline';
import { buildPlan } from './api-plan.ts';
import type { LoadEvent, LoadJob, LoadResult } from './api-load-protocol.ts';
import { loadCustomerTexts, type CustomerTexts } from './api-texts.ts';
import { failureKind, httpRequest, jsonBody } from './http-request.ts';
import { allowedAtOrAbove, percentile, summarizeLatencies } from './percentiles.ts';

const emit = (event: LoadEvent) => process.stdout.write(`${JSON.stringify(event)}\n`);

interface Credentials {
  readonly id: string;
  readonly token: string;
}

async function execute(job: LoadJob, texts: CustomerTexts): Promise<LoadResult> {
  const plan = buildPlan(job.plan, texts);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 2048 });
  const opened: Array<Promise<Credentials>> = [];
  const latencies: number[] = [];
  const openLatencies: number[] = [];
  const lags: number[] = [];
  const errorKinds: Record<string, number> = {};
  const allowedSlow = allowedAtOrAbove(plan.measuredMessages, 0.99);
  let errors = 0;
  let cancelled = 0;
  let slow = 0;
  let answered = 0;
  let handoffs = 0;
  let measuredSettled = 0;
  let pending = 0;
  let next = 0;
  let stopped = false;
  let onStop: () => void = () => undefined;
  const stoppedSignal = new Promise<void>((resolve) => (onStop = resolve));
  const stop = () => {
    stopped = true;
    onStop();
  };
  let measuring = false;
  let onIdle: () => void = () => undefined;
  const idle = new Promise<void>((resolve) => (onIdle = resolve));
  const started = performance.now();
  const origin = started + 20;

  const fail = (kind: string) => {
    if (stopped) {
      cancelled += 1;
      return;
    }
    errors += 1;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    if (job.stopWhenFailed) stop();
  };
  const settle = () => {
    pending -= 1;
    if (pending === 0 && (stopped || next >= plan.requests.length)) onIdle();
  };

  const send = (request: (typeof plan.requests)[number]) => {
    const due = origin + request.at;
    pending += 1;
    if (request.kind === 'open') {
      const promise = httpRequest(agent, `${job.url}/v1/conversations`, {
        method: 'POST',
        timeoutMs: job.timeoutMs,
      }).then((response) => jsonBody<Credentials>(response, 201));
      opened[request.conversation] = promise;
      promise
        .then(
          () => openLatencies.push(performance.now() - due),
          (error: unknown) => fail(`open: ${failureKind(error)}`),
        )
        .finally(settle);
      return;
    }
    void (async () => {
      try {
        const conversation = await (opened[request.conversation] ?? Promise.reject(new Error('not opened')));
        const response = await httpRequest(agent, `${job.url}/v1/conversations/${conversation.id}/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${conversation.token}` },
          json: { text: request.text },
          timeoutMs: job.timeoutMs,
        });
        if (response.status !== 200)
          throw Object.assign(new Error(`HTTP ${response.status}`), { code: `HTTP ${response.status}` });
        if (!request.measured) return;
        const latency = performance.now() - due;
        latencies.push(latency);
        const reply = (JSON.parse(response.body) as { reply: { action?: string } | null }).reply;
        if (reply !== null) answered += 1;
        if (reply?.action === 'handoff') handoffs += 1;
        if (latency >= job.latencyLimitMs) {
          slow += 1;
          if (job.stopWhenFailed && slow > allowedSlow) stop();
        }
      } catch (error) {
        fail(failureKind(error));
      } finally {
        if (request.measured) measuredSettled += 1;
        settle();
      }
    })();
  };

  const tick = () => {
    const now = performance.now() - origin;
    if (!measuring && now >= plan.measureFrom) {
      measuring = true;
      emit({ type: 'measure-start' });
    }
    while (!stopped && next < plan.requests.length && plan.requests[next]!.at <= now) {
      const request = plan.requests[next]!;
      lags.push(now - request.at);
      send(request);
      next += 1;
    }
    if (!stopped && next < plan.requests.length)
      setTimeout(tick, Math.max(0, Math.floor(plan.requests[next]!.at - (performance.now() - origin))));
    else if (pending === 0) onIdle();
  };
  setTimeout(tick, 20);

  // A stopped step waits briefly for what is in flight, then cuts it off (the server may be far behind).
  await Promise.race([
    idle,
    stoppedSignal.then(() => Promise.race([idle, new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())])),
  ]);
  if (pending > 0) {
    stop();
    agent.destroy();
    await idle;
  }
  agent.destroy();
  if (measuring) emit({ type: 'measure-end', messages: latencies.length });
  return {
    rate: job.plan.rate,
    planned: {
      conversations: plan.conversations,
      messages: plan.messages,
      measuredMessages: plan.measuredMessages,
      personRequests: plan.personRequests,
    },
    messages: { ...summarizeLatencies(latencies), slow },
    opens: summarizeLatencies(openLatencies),
    errors,
    errorKinds,
    cancelled,
    answered,
    handoffs,
    stoppedEarly: next < plan.requests.length,
    passed:
      errors === 0 && measuredSettled === plan.measuredMessages && slow <= allowedSlow && next >= plan.requests.length,
    lagMs: { p99: percentile(lags, 0.99), max: lags.reduce((top, lag) => Math.max(top, lag), 0) },
    elapsedMs: performance.now() - started,
  };
}

const texts = await loadCustomerTexts(process.argv[2] ?? process.cwd());
emit({ type: 'ready' });
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === '') continue;
  try {
    emit({ type: 'result', result: await execute(JSON.parse(line) as LoadJob, texts) });
  } catch (error) {
    emit({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
