import { afterEach, describe, expect, it } from 'vitest';
import { customerClaim, installIdentify, scriptUser, type HostUser } from './host-identity.ts';

describe('the customer as the host page names them', () => {
  it('reads the script tag’s data-user-* attributes, with attributes as a JSON object', () => {
    const user = scriptUser({
      userId: 'crm-42',
      userName: 'Anna',
      userEmail: 'anna@example.com',
      userHash: 'AB12',
      userAttributes: '{"plan":"Optima","account":"ACC-1"}',
    });
    expect(customerClaim(user)).toEqual({
      id: 'crm-42',
      name: 'Anna',
      email: 'anna@example.com',
      attributes: { plan: 'Optima', account: 'ACC-1' },
      userHash: 'AB12',
    });
  });

  it('ignores attributes that are not a JSON object, and sends nothing for a page that names nobody', () => {
    expect(customerClaim(scriptUser({ userId: 'crm-1', userAttributes: '{not json' }))).toEqual({ id: 'crm-1' });
    expect(customerClaim(scriptUser({ userAttributes: '["plan"]' }))).toBeUndefined();
    expect(customerClaim(scriptUser(undefined))).toBeUndefined();
    expect(customerClaim({ id: '  ', name: 42, email: null })).toBeUndefined();
  });

  it('keeps a careless page within the server’s limits instead of losing the chat to a 400', () => {
    const attributes: Record<string, unknown> = { 'bad name': 'x', ['k'.repeat(41)]: 'x', nested: { a: 1 } };
    for (let index = 0; index < 25; index += 1) attributes[`a${index}`] = index === 0 ? 'v'.repeat(300) : index;
    const claim = customerClaim({ id: 7, name: 'n'.repeat(300), attributes, hash: 'not hex' });
    expect(claim?.id).toBe('7');
    expect(claim?.name).toHaveLength(200);
    expect(claim?.userHash).toBeUndefined();
    const kept = Object.entries((claim?.attributes ?? {}) as Record<string, string>);
    expect(kept).toHaveLength(20);
    expect(kept[0]).toEqual(['a0', 'v'.repeat(200)]);
    expect(kept[1]).toEqual(['a1', '1']);
  });
});

describe('window.Firstline.identify', () => {
  const host = globalThis as unknown as { window?: unknown; Firstline?: unknown };
  afterEach(() => {
    delete host.window;
    delete host.Firstline;
  });

  it('replays the calls queued before the widget loaded, then takes calls directly', () => {
    host.window = host;
    host.Firstline = { q: [['identify', { id: 'queued' }], ['track', {}], 'junk'] };
    const seen: HostUser[] = [];
    installIdentify((user) => seen.push(user));
    expect(seen).toEqual([{ id: 'queued' }]);
    (host.Firstline as { identify: (user: HostUser) => void }).identify({ id: 'later' });
    expect(seen).toEqual([{ id: 'queued' }, { id: 'later' }]);
  });
});
