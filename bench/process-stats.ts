// CPU time, bytes written and memory of a process and its descendants, read from /proc (Linux). Worker
// threads belong to their process, so a process's figures include them; children (e.g. esbuild's service)
// are found by scanning /proc for their parent ids, and reaped children count through cutime/cstime.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ProcessSample {
  /** performance.now() when read. */
  readonly at: number;
  /** User + system CPU of the tree, in milliseconds. */
  readonly cpuMs: number;
  /** /proc/<pid>/io write_bytes summed over the tree (bytes sent to the block layer). */
  readonly writeBytes: number;
  /** Resident memory of the root process. */
  readonly rssBytes: number;
  readonly pids: readonly number[];
}

function statFields(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: fields start after the last ")".
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** The process and all its descendants that are alive now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = Number(statFields(Number(entry))?.[1]);
    if (!Number.isFinite(parent)) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function cpuMsOf(pid: number): number {
  const fields = statFields(pid);
  if (fields === undefined) return 0;
  // Fields 14–17 of /proc/<pid>/stat (utime, stime, cutime, cstime) are at 11–14 after the command name.
  const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

function ioField(pid: number, name: string): number {
  try {
    const match = new RegExp(`^${name}: (\\d+)$`, 'm').exec(readFileSync(`/proc/${pid}/io`, 'utf8'));
    return Number(match?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(match?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

export function sampleProcess(root: number): ProcessSample {
  const pids = processTree(root);
  return {
    at: performance.now(),
    cpuMs: pids.reduce((sum, pid) => sum + cpuMsOf(pid), 0),
    writeBytes: pids.reduce((sum, pid) => sum + ioField(pid, 'write_bytes'), 0),
    rssBytes: rssOf(root),
    pids,
  };
}

/** Share of one core used between two samples, in percent. */
export function cpuPercent(from: ProcessSample, to: ProcessSample): number {
  return (100 * (to.cpuMs - from.cpuMs)) / Math.max(1, to.at - from.at);
}

/** Total size of the files under a directory (apparent sizes). */
export async function directoryBytes(directory: string): Promise<number> {
  let total = 0;
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) total += await directoryBytes(path);
    else if (entry.isFile())
      total += await stat(path).then(
        (info) => info.size,
        () => 0,
      );
  }
  return total;
}

/** CPU time (ms) all cores of the machine have spent busy since boot, from /proc/stat. */
export function machineBusyMs(): number {
  const fields = (/^cpu\s+(.*)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1] ?? '').split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal…: everything but idle and iowait is busy.
  const busy = fields.reduce(
    (sum, value, index) => (index === 3 || index === 4 || index > 7 ? sum : sum + (value || 0)),
    0,
  );
  return (busy * 1000) / TICKS_PER_SECOND;
}
