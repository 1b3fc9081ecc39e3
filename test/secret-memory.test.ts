// Secrets are remembered for a bounded time: a customer's token for ten minutes after it last proved valid, an
// agent's for one minute, so a role changed in the database (or a token revoked) counts within that minute.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../src/adapters/store/sqlite-database.ts';
import { newToken } from '../src/core/conversation/tokens.ts';
import { openConversation, testService, type TestService } from './support/test-service.ts';

let service: TestService | undefined;
afterEach(async () => service?.close());

describe('secrets in memory', () => {
  it("forgets a customer's token ten minutes after it was checked, then checks it against the database again", async () => {
    let now = Date.UTC(2026, 11, 1, 12, 0, 0);
    service = await testService({}, { now: () => new Date(now) });
    const { app, conversations } = service;
    const { id, token } = await openConversation(app);
    const read = () => app.request(`/v1/conversations/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await read()).status).toBe(200);
    expect(conversations.rememberedTokens).toBe(1);
    now += 9 * 60_000;
    expect(conversations.rememberedTokens).toBe(1);
    now += 60_001;
    expect(conversations.rememberedTokens).toBe(0);
    expect((await read()).status).toBe(200);
    expect(conversations.rememberedTokens).toBe(1);
  });

  it("applies an agent's changed role within a minute, not only after a restart", async () => {
    let now = Date.UTC(2026, 11, 1, 12, 0, 0);
    service = await testService({}, { now: () => new Date(now) });
    const token = newToken();
    await service.agents.addAgent('Лида', 'lead', token);
    const kpis = () => service?.app.request('/v1/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect((await kpis())?.status).toBe(200);
    const db = SqliteDatabase.open(join(service.config.DATA_DIR, 'firstline.db'));
    db.connection.run("UPDATE agents SET role = 'agent'");
    await db.close();
    expect((await kpis())?.status).toBe(200);
    now += 60_001;
    expect((await kpis())?.status).toBe(403);
  });
});
