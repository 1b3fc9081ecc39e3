// Preloaded into the benchmarked server (NODE_OPTIONS=--import): on SIGUSR2 the main thread runs a full GC
// and writes process.memoryUsage() as JSON to $BENCH_PROBE_FILE, so the benchmark can read the heap from
// outside. Plain JavaScript: it loads before the server registers tsx. Does nothing without the variable.
import { renameSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_PROBE_FILE;
if (isMainThread && file !== undefined && file !== '') {
  setFlagsFromString('--expose-gc');
  /** @type {() => void} */
  const gc = runInNewContext('gc');
  let sequence = 0;
  process.on('SIGUSR2', () => {
    gc();
    gc();
    sequence += 1;
    writeFileSync(`${file}.tmp`, JSON.stringify({ sequence, ...process.memoryUsage() }));
    renameSync(`${file}.tmp`, file);
  });
}
