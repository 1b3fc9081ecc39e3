// Who the customer is, as the host page says: the `data-user-*` attributes of the widget's script tag, and
// `window.Firstline.identify({ id, name, email, attributes, hash })`, callable before the widget loads (queued in
// `window.Firstline.q`) or after. Trimmed to the server's limits, so a careless page cannot stop the chat. Runtime: browser.
import type { CreateConversation } from '../api-types.ts';

export type CustomerClaim = NonNullable<CreateConversation['customer']>;

/** What a page may pass to `identify`; anything else is ignored. */
export interface HostUser {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly email?: unknown;
  readonly attributes?: unknown;
  /** The userHash the site's backend computed for `id`. */
  readonly hash?: unknown;
}

/** `window.Firstline`: the queue a page fills before the widget loads, and the API after. */
interface FirstlineGlobal {
  q?: unknown[];
  identify?: (user: HostUser) => void;
}

const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,40}$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_ATTRIBUTES = 20;

const text = (value: unknown, max: number): string | undefined => {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? undefined : trimmed.slice(0, max);
};

function attributesOf(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const attributes: Record<string, string> = {};
  let count = 0;
  for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
    if (count === MAX_ATTRIBUTES || !ATTRIBUTE_NAME.test(name) || RESERVED.has(name)) continue;
    if (typeof entry !== 'string' && typeof entry !== 'number' && typeof entry !== 'boolean') continue;
    attributes[name] = String(entry).slice(0, 200);
    count += 1;
  }
  return count === 0 ? undefined : attributes;
}

/** The profile to send for what the page said; undefined when it said nothing usable. */
export function customerClaim(user: HostUser): CustomerClaim | undefined {
  const hash = text(user.hash, 128);
  const claim: CustomerClaim = {
    id: text(typeof user.id === 'number' ? String(user.id) : user.id, 200),
    name: text(user.name, 200),
    email: text(user.email, 320),
    attributes: attributesOf(user.attributes),
    userHash: hash !== undefined && /^[0-9a-fA-F]+$/.test(hash) ? hash : undefined,
  };
  const present = Object.entries(claim).filter(([, value]) => value !== undefined);
  return present.length === 0 ? undefined : (Object.fromEntries(present) as CustomerClaim);
}

/** The user named by the script tag's `data-user-id`, `-name`, `-email`, `-hash` and `-attributes` (a JSON object). */
export function scriptUser(dataset: DOMStringMap | undefined): HostUser {
  if (dataset === undefined) return {};
  let attributes: unknown;
  try {
    attributes = dataset.userAttributes === undefined ? undefined : (JSON.parse(dataset.userAttributes) as unknown);
  } catch {
    attributes = undefined;
  }
  return {
    id: dataset.userId,
    name: dataset.userName,
    email: dataset.userEmail,
    hash: dataset.userHash,
    attributes,
  };
}

/**
 * Installs `window.Firstline.identify`, first replaying the calls a page queued before the widget loaded (entries
 * `['identify', user]`); each call reaches `onIdentify`.
 */
export function installIdentify(onIdentify: (user: HostUser) => void): void {
  const host = window as unknown as { Firstline?: FirstlineGlobal };
  const existing = host.Firstline ?? {};
  const queued = Array.isArray(existing.q) ? existing.q : [];
  const identify = (user: HostUser) => {
    if (typeof user === 'object' && user !== null) onIdentify(user);
  };
  for (const call of queued) {
    if (Array.isArray(call) && call[0] === 'identify') identify(call[1] as HostUser);
  }
  host.Firstline = { q: [], identify };
}
