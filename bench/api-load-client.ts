// The orchestrator's side of the load generator: spawns bench/api-load-generator.ts as its own process,
// sends it jobs and calls back when the measured window of a step starts and ends (to read the server's
// CPU and I/O over exactly that window).
import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LoadEvent, LoadJob, LoadResult } from './api-load-protocol.ts';
import { onExit } from './exit-cleanup.ts';

const GENERATOR = fileURLToPath(new URL('api-load-generator.ts', import.meta.url));

export interface WindowHooks {
  readonly onMeasureStart?: () => void;
  readonly onMeasureEnd?: (messages: number) => void;
}

export interface LoadClient {
  readonly pid: number;
  run(job: LoadJob, hooks?: WindowHooks): Promise<LoadResult>;
  close(): Promise<void>;
}

export async function startLoadClient(root: string): Promise<LoadClient> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', GENERATOR, root], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  // On a small machine the server's threads take every core; a higher priority keeps the generator's sends on
  // schedule (its lag is measured and reported either way). Needs privileges; without them it stays as it is.
  try {
    if (child.pid !== undefined) setPriority(child.pid, -10);
  } catch {
    // not permitted: fine
  }
  let listener: (event: LoadEvent) => void = () => undefined;
  let exited: (error: Error) => void = () => undefined;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.startsWith('{')) listener(JSON.parse(line) as LoadEvent);
  });
  child.once('exit', (code, signal) => exited(new Error(`the load generator exited (${code ?? signal})`)));
  const close = onExit(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin?.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await gone;
    clearTimeout(timer);
  });
  const next = <T>(handle: (event: LoadEvent, resolve: (value: T) => void, reject: (error: Error) => void) => void) =>
    new Promise<T>((resolve, reject) => {
      listener = (event) => handle(event, resolve, reject);
      exited = reject;
    });
  await next<true>((event, resolve, reject) => {
    if (event.type === 'ready') resolve(true);
    else if (event.type === 'error') reject(new Error(event.message));
  });
  return {
    pid: child.pid ?? 0,
    run(job, hooks = {}) {
      const result = next<LoadResult>((event, resolve, reject) => {
        if (event.type === 'measure-start') hooks.onMeasureStart?.();
        else if (event.type === 'measure-end') hooks.onMeasureEnd?.(event.messages);
        else if (event.type === 'result') resolve(event.result);
        else if (event.type === 'error') reject(new Error(`load generator: ${event.message}`));
      });
      child.stdin?.write(`${JSON.stringify(job)}\n`);
      return result;
    },
    close,
  };
}
