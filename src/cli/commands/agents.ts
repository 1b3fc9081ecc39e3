// `firstline agents add NAME --role agent|lead|admin` creates an agent and prints its token once;
// `firstline agents list` shows who exists (never tokens); `firstline agents token ID|NAME` gives an agent a new
// token (a lost laptop, someone leaving): every sign-in with the old one ends. Runtime: Node.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SqliteStore } from '../../adapters/store/sqlite-store.ts';
import { parseConfig } from '../../core/config/config.ts';
import { newToken } from '../../core/conversation/tokens.ts';
import { AgentService } from '../../core/use-cases/agent-desk.ts';
import type { AgentRole } from '../../core/queue/ticket.ts';
import { UsageError } from '../usage-error.ts';

const ROLES: readonly AgentRole[] = ['agent', 'lead', 'admin'];

export async function agentsCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { role: { type: 'string', default: 'agent' }, 'data-dir': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [action, ...nameParts] = positionals;
  const config = parseConfig({ ...env, DATA_DIR: values['data-dir'] ?? env.DATA_DIR });
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const store = SqliteStore.open(join(config.DATA_DIR, 'firstline.db'), { synchronous: config.SQLITE_SYNCHRONOUS });
  try {
    const service = new AgentService({
      tickets: store.tickets,
      conversations: store,
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
    });
    if (action === 'list') {
      for (const agent of await store.tickets.listAgents())
        process.stdout.write(`${agent.id}  ${agent.role.padEnd(5)}  ${agent.name}\n`);
      return 0;
    }
    if (action === 'token') {
      const key = nameParts.join(' ').trim();
      const agents = await store.tickets.listAgents();
      const matches = agents.filter((agent) => agent.id === key || agent.name === key);
      if (key === '' || matches.length !== 1)
        throw new UsageError(
          key === ''
            ? 'agents token needs an agent id or name, e.g. firstline agents token "Мария Петрова"'
            : matches.length === 0
              ? `no agent has the id or name "${key}" (see firstline agents list)`
              : `several agents are called "${key}": give the id (see firstline agents list)`,
        );
      const { agent, token } = await service.replaceToken(matches[0]?.id ?? '');
      process.stdout.write(
        `new token for ${agent.role} "${agent.name}" (${agent.id})\ntoken: ${token}\nThe old token no longer works (on running servers within a minute). The new one is shown only now.\n`,
      );
      return 0;
    }
    if (action !== 'add')
      throw new UsageError('use "agents add NAME --role agent|lead|admin", "agents list" or "agents token ID|NAME"');
    const name = nameParts.join(' ').trim();
    if (name === '')
      throw new UsageError('agents add needs a name, e.g. firstline agents add "Мария Петрова" --role agent');
    const role = values.role as AgentRole;
    if (!ROLES.includes(role)) throw new UsageError(`--role must be agent, lead or admin, got "${values.role}"`);
    const token = newToken();
    const agent = await service.addAgent(name, role, token);
    process.stdout.write(
      `created ${agent.role} "${agent.name}" (${agent.id})\ntoken: ${token}\nThe token is shown only now; it is stored as a hash.\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
