// The `firstline` command line: dispatches subcommands, maps errors to messages and exit codes. Runtime: Node.
import { ConfigError } from '../core/config/config.ts';
import { KnowledgeError } from '../core/knowledge/knowledge-error.ts';
import { PromptError } from '../core/prompts/prompt-file.ts';
import { SuiteError } from '../core/evals/suite.ts';
import { ingestCommand } from './commands/ingest.ts';
import { searchCommand } from './commands/search.ts';
import { serveCommand } from './commands/serve.ts';
import { agentsCommand } from './commands/agents.ts';
import { customersCommand } from './commands/customers.ts';
import { identityCommand } from './commands/identity.ts';
import { scoreCommand } from './commands/score.ts';
import { evalCommand } from './commands/eval.ts';
import { calibrateCommand } from './commands/calibrate.ts';
import { backupCommand } from './commands/backup.ts';
import { restoreCommand } from './commands/restore.ts';
import { publishCommand } from './commands/publish.ts';
import { BackupError } from '../adapters/store/sqlite-backup.ts';
import { UsageError } from './usage-error.ts';
import { EvalSetupError } from '../platform/node/eval-sides.ts';

type Command = (args: string[], env: Record<string, string | undefined>) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  ingest: {
    run: ingestCommand,
    usage: 'ingest [--knowledge DIR] [--index DIR]        build or update the knowledge index',
  },
  publish: {
    run: publishCommand,
    usage:
      'publish --workers (--out DIR | --bucket NAME --local|--remote)  the knowledge generation for the Worker, to a folder or R2',
  },
  serve: { run: serveCommand, usage: 'serve [--port N] [--host H]                     run the HTTP service' },
  agents: {
    run: agentsCommand,
    usage:
      'agents add NAME --role agent|lead|admin | list | token ID|NAME  create an agent (its token printed once), list them, or give one a new token',
  },
  customers: {
    run: customersCommand,
    usage:
      "customers export|erase ID|EMAIL [--out FILE] [--yes] | expire [--days N]  a customer's data, its erasure, retention",
  },
  identity: {
    run: identityCommand,
    usage: 'identity sign USER_ID                          the userHash of a customer id under IDENTITY_SECRET',
  },
  score: {
    run: (args) => scoreCommand(args),
    usage: 'score --in FILE.jsonl --out FILE.jsonl        emotion and handoff reasons for each text',
  },
  eval: {
    run: evalCommand,
    usage:
      'eval [--suite FILE|DIR] [--baseline DIR|git-ref] [--format …] [--out DIR]  grade the bot; exit 1 on regressions',
  },
  calibrate: {
    run: calibrateCommand,
    usage: 'calibrate [--target 0.95] [--config .env]   choose HANDOFF_THRESHOLD for a target accuracy',
  },
  search: {
    run: searchCommand,
    usage: 'search "query" [--k 5] [--lang ru|en] [--json]   top articles with their scores',
  },
  backup: {
    run: backupCommand,
    usage: 'backup --out FILE [--force]                   consistent copy of the database, even while serving',
  },
  restore: {
    run: restoreCommand,
    usage: 'restore FILE                                  replace the database with a backup (service stopped)',
  },
};

function usage(): string {
  return `usage: firstline <command> [options]\n\ncommands:\n${Object.values(COMMANDS)
    .map((command) => `  ${command.usage}`)
    .join('\n')}\n`;
}

export async function main(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`firstline: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args, env);
  } catch (error) {
    if (
      error instanceof KnowledgeError ||
      error instanceof ConfigError ||
      error instanceof PromptError ||
      error instanceof SuiteError ||
      error instanceof BackupError
    ) {
      process.stderr.write(`firstline ${name}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof EvalSetupError) {
      process.stderr.write(`firstline ${name}: ${error.message}\n`);
      return 2;
    }
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(`firstline ${name}: ${error.message}\n\n${usage()}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2), process.env);
