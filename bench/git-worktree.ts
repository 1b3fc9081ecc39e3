// A detached git worktree of a ref in a temp directory, sharing the checkout's node_modules through a
// symlink: a server from another commit without touching the working tree. Removed with --force.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { onExit } from './exit-cleanup.ts';

const run = promisify(execFile);

export interface Worktree {
  readonly root: string;
  readonly ref: string;
  readonly commit: string;
  remove(): Promise<void>;
}

export async function resolveCommit(repo: string, ref: string): Promise<string> {
  const { stdout } = await run('git', ['-C', repo, 'rev-parse', '--verify', `${ref}^{commit}`]);
  return stdout.trim();
}

export async function addWorktree(repo: string, ref: string): Promise<Worktree> {
  const commit = await resolveCommit(repo, ref);
  const root = await mkdtemp(join(tmpdir(), `firstline-bench-${commit.slice(0, 7)}-`));
  const remove = onExit(async () => {
    await unlink(join(root, 'node_modules')).catch(() => undefined);
    try {
      await run('git', ['-C', repo, 'worktree', 'remove', '--force', root]);
    } catch (error) {
      process.stderr.write(
        `git worktree remove --force ${root} failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
    await rm(root, { recursive: true, force: true });
  });
  try {
    await run('git', ['-C', repo, 'worktree', 'add', '--detach', root, commit]);
    await symlink(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  } catch (error) {
    await remove();
    throw error;
  }
  return { root, ref, commit, remove };
}
