// `npm run bench:kpis`: what a KPI read costs the server on a month of history. Writes a SQLite event log
// for BENCH_CONVERSATIONS conversations (default 100,000: three answered messages each, a quarter handed
// off, half of those answered and resolved), then times the lead dashboard's reads two ways: reading the
// whole log per request (the reference definition, as the service did before) and the projection the
// service uses now (read once in pages, then only new events).
import type { Database } from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDatabase } from '../src/adapters/store/sqlite-database.ts';
import { SqlConversationStore } from '../src/adapters/store/sql-conversation-store.ts';
import type { StoredEvent } from '../src/core/desk/events.ts';
import { KpiProjection } from '../src/core/metrics/kpi-projection.ts';
import { computeKpis, kpiSeries } from '../src/core/metrics/kpis.ts';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const DAY = 86_400_000;
const START = Date.parse('2026-10-01T00:00:00Z');
const SPAN = 30 * DAY;

/** Appends the events of conversations [first, first + count) spread over [start, start + span). */
function writeLog(database: Database, first: number, count: number, start: number, span: number): number {
  const insert = database.prepare('INSERT INTO events (conversation_id, type, actor, at, data) VALUES (?, ?, ?, ?, ?)');
  const conversation = database.prepare(
    "INSERT INTO conversations (id, token_hash, channel, status, created_at, updated_at) VALUES (?, 'h', 'api', 'bot', ?, ?)",
  );
  const rows: Array<[string, string, string, number, string]> = [];
  for (let index = first; index < first + count; index += 1) {
    const id = `c${index}`;
    let time = start + ((index - first) / count) * span;
    rows.push([id, 'conversation-created', 'customer', time, '{}']);
    for (let turn = 0; turn < 3; turn += 1) {
      time += 20_000;
      rows.push([
        id,
        'message-received',
        'customer',
        time,
        JSON.stringify({ messageId: `${id}m${turn}`, status: 'bot' }),
      ]);
      time += 1_000;
      rows.push([
        id,
        'reply-sent',
        'bot',
        time,
        JSON.stringify({ messageId: `${id}r${turn}`, replyTo: `${id}m${turn}`, action: 'answer', score: 0.8 }),
      ]);
    }
    if (index % 4 === 0) {
      rows.push([
        id,
        'ticket-created',
        'bot',
        time,
        JSON.stringify({
          ticketId: `t${index}`,
          reasons: ['human_request'],
          slaDueAt: new Date(time + 900_000).toISOString(),
        }),
      ]);
      if (index % 8 === 0) {
        rows.push([id, 'agent-message-sent', 'agent:a1', time + 300_000, JSON.stringify({ ticketId: `t${index}` })]);
        rows.push([id, 'ticket-resolved', 'agent:a1', time + 900_000, JSON.stringify({ ticketId: `t${index}` })]);
      }
    }
  }
  rows.sort((left, right) => left[3] - right[3]);
  database.exec('BEGIN');
  for (let index = first; index < first + count; index += 1) {
    const at = new Date(start + ((index - first) / count) * span).toISOString();
    conversation.run(`c${index}`, at, at);
  }
  for (const [id, type, actor, time, data] of rows) insert.run(id, type, actor, new Date(time).toISOString(), data);
  database.exec('COMMIT');
  return rows.length;
}

const timed = async <T>(work: () => T | Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
};

/** Median of five runs: a dashboard asks a warmed-up process, not a cold one. */
const median = async <T>(work: () => T): Promise<[T, number]> => {
  const runs: Array<[T, number]> = [];
  for (let run = 0; run < 5; run += 1) runs.push(await timed(work));
  runs.sort((left, right) => left[1] - right[1]);
  return runs[2] as [T, number];
};

const directory = await mkdtemp(join(tmpdir(), 'firstline-bench-kpis-'));
try {
  const database = SqliteDatabase.open(join(directory, 'firstline.db'));
  const events = writeLog(database.database, 0, CONVERSATIONS, START, SPAN);
  const store = new SqlConversationStore(database).tickets;
  const to = new Date(START + SPAN).toISOString();
  const dayFrom = new Date(START + SPAN - DAY).toISOString();
  const monthFrom = new Date(START).toISOString();

  // Before: every request read the whole log and folded it once per period asked for.
  let all: StoredEvent[] | undefined;
  let readAll = 0;
  [all, readAll] = await timed(() => store.eventsAfter(0, { limit: Number.MAX_SAFE_INTEGER }));
  const [referenceDay, foldDay] = await median(() => computeKpis(all ?? [], dayFrom, to));
  const [referenceSeries, foldSeries] = await median(() => kpiSeries(all ?? [], monthFrom, to, 30));
  all = undefined;

  // Now: the projection reads the log once, in pages, and then only what is new. The longest stretch the
  // event loop is held is one page read and applied: from one page's read to the next one's, less the yield.
  let longestPage = 0;
  let pageStarted = 0;
  const pages = {
    eventsAfter: (after: number, options?: { limit?: number | undefined }): Promise<StoredEvent[]> => {
      pageStarted = performance.now();
      return store.eventsAfter(after, options);
    },
  };
  const pause = () => {
    longestPage = Math.max(longestPage, performance.now() - pageStarted);
    return new Promise<void>((resolve) => setTimeout(resolve, 0));
  };
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const projection = new KpiProjection(pages, 5_000, pause);
  const [, firstRead] = await timed(() => projection.refresh());
  collect();
  const heap = process.memoryUsage().heapUsed - heapBefore;
  const [day, answerDay] = await median(() => projection.kpis(dayFrom, to));
  const [series, answerSeries] = await median(() => projection.series(monthFrom, to, 30));
  let same =
    JSON.stringify(day) === JSON.stringify(referenceDay) && JSON.stringify(series) === JSON.stringify(referenceSeries);
  // Another 1,000 conversations in the last hour, written after the month (their events are out of time
  // order with the month's last ones): read incrementally, and still the reference's answers.
  const added = writeLog(database.database, CONVERSATIONS, 1_000, START + SPAN - 3_600_000, 3_000_000);
  const [, laterRead] = await timed(() => projection.refresh());
  const everything = await store.eventsAfter(0, { limit: Number.MAX_SAFE_INTEGER });
  same &&= JSON.stringify(projection.kpis(dayFrom, to)) === JSON.stringify(computeKpis(everything, dayFrom, to));
  same &&=
    JSON.stringify(projection.series(monthFrom, to, 30)) === JSON.stringify(kpiSeries(everything, monthFrom, to, 30));

  const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  process.stdout.write(
    [
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}. ${CONVERSATIONS.toLocaleString('en')} conversations over 30 days, ${events.toLocaleString('en')} events.`,
      '',
      '| step | reading the whole log per request | projection |',
      '|---|---:|---:|',
      `| read the log | ${ms(readAll)} every request | ${ms(firstRead)} once after start, in pages of 5,000 events (the longest held the event loop ${ms(longestPage)}); ${ms(laterRead)} for the next ${added.toLocaleString('en')} events |`,
      `| KPIs of the last 24 h | ${ms(foldDay)} | ${ms(answerDay)} |`,
      `| series, 30 daily buckets | ${ms(foldSeries)} | ${ms(answerSeries)} |`,
      '',
      `The projection holds about ${(heap / 2 ** 20).toFixed(0)} MiB of heap${(globalThis as { gc?: unknown }).gc === undefined ? ' (approximate: run with --expose-gc)' : ''}. Same answers as the reference: ${same ? 'yes' : 'NO'}.`,
    ].join('\n') + '\n',
  );
  database.close();
  if (!same) process.exitCode = 1;
} finally {
  await rm(directory, { recursive: true, force: true });
}
