// Staff for tests against a server process: agents written to its database as `firstline agents add` writes them
// (another connection to the same SQLite file; the command itself is tested in test/cli-*.test.ts), and their requests.
import { join } from 'node:path';
import { SqliteStore } from '../../src/adapters/store/sqlite-store.ts';
import { newToken } from '../../src/core/conversation/tokens.ts';
import type { AgentRole } from '../../src/core/queue/ticket.ts';
import { AgentService } from '../../src/core/use-cases/agent-desk.ts';

/** Creates an agent in the data folder's database and returns its token (no CLI process to start: about 2 s each). */
export async function addAgentTo(dataDir: string, name: string, role: string): Promise<string> {
  const store = SqliteStore.open(join(dataDir, 'firstline.db'));
  try {
    const agents = new AgentService({
      tickets: store.tickets,
      conversations: store,
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
    });
    const token = newToken();
    await agents.addAgent(name, role as AgentRole, token);
    return token;
  } finally {
    await store.close();
  }
}

/** A GET, or a POST with a JSON body, with a bearer token. */
export function staffRequest(baseUrl: string, path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
