// Cleanups that must run however the benchmark ends: normally (the caller's finally), on an error, or on
// Ctrl-C / SIGTERM (run here, newest first, then exit).

const cleanups: Array<() => Promise<void>> = [];
let exiting = false;

/** Registers a cleanup; the returned function runs it (once) and unregisters it. */
export function onExit(cleanup: () => Promise<void>): () => Promise<void> {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    const index = cleanups.indexOf(once);
    if (index >= 0) cleanups.splice(index, 1);
    await cleanup();
  };
  cleanups.push(once);
  return once;
}

async function runAll(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.at(-1)!;
    try {
      await cleanup();
    } catch (error) {
      process.stderr.write(`cleanup failed: ${error instanceof Error ? error.message : String(error)}\n`);
      cleanups.splice(cleanups.indexOf(cleanup), 1);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (exiting) return;
    exiting = true;
    process.stderr.write(`\n${signal}: cleaning up…\n`);
    void runAll().finally(() => process.exit(130));
  });
}

/** Runs every registered cleanup (for the end of main). */
export const runExitCleanups = runAll;
