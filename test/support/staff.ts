// Staff for tests against a server process: agents made by the CLI (as an administrator would), and their requests.
import { runCli } from '../run-cli.ts';

/** Creates an agent with `firstline agents add` on the data folder and returns its token. */
export async function addAgentWithCli(dataDir: string, name: string, role: string): Promise<string> {
  const result = await runCli(['agents', 'add', name, '--role', role], { DATA_DIR: dataDir });
  const token = /token: (\S+)/.exec(result.stdout)?.[1];
  if (token === undefined) throw new Error(`agents add failed: ${result.stdout}${result.stderr}`);
  return token;
}

/** A GET, or a POST with a JSON body, with a bearer token. */
export function staffRequest(baseUrl: string, path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
