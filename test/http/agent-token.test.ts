// "Sign out everywhere": an agent gets a new token, and the old one stops working at once; the CLI does the same for
// an agent who lost a device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { testService, type TestService } from '../support/test-service.ts';
import { runCli } from '../run-cli.ts';

let service: TestService;
const first = newToken();
beforeAll(async () => {
  service = await testService();
  await service.agents.addAgent('Мария Петрова', 'agent', first);
});
afterAll(async () => service.close());

const me = (token: string) => service.app.request('/v1/agent/me', { headers: { authorization: `Bearer ${token}` } });

describe('a new agent token', () => {
  it('replaces the old one: the old token is refused at once, the new one works', async () => {
    expect((await me(first)).status).toBe(200);
    const response = await service.app.request('/v1/agent/token', {
      method: 'POST',
      headers: { authorization: `Bearer ${first}` },
    });
    expect(response.status).toBe(200);
    const { agent, token } = (await response.json()) as { agent: { name: string }; token: string };
    expect(agent.name).toBe('Мария Петрова');
    expect(token).not.toBe(first);
    const refused = await me(first);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthorized:token');
    expect((await me(token)).status).toBe(200);
  });

  it('is given by the CLI to an agent named or by id, and says when the name does not fit one agent', async () => {
    const env = { DATA_DIR: service.config.DATA_DIR };
    const renewed = await runCli(['agents', 'token', 'Мария Петрова'], env);
    expect(renewed.code).toBe(0);
    const token = /token: (\S+)/.exec(renewed.stdout)?.[1] ?? '';
    expect(renewed.stdout).toContain('The old token no longer works');
    // Another process wrote it: this server's memory of agents lasts a minute, the database says so now.
    const { agents } = service;
    expect((await agents.authenticate(token, ['agent'])).name).toBe('Мария Петрова');
    const unknown = await runCli(['agents', 'token', 'Никто'], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('no agent has the id or name "Никто"');
  });
});
