// The customer's conversation kept across reloads in localStorage: its id and token, where the live feed stopped,
// and whether it was rated. Runtime: browser.

export interface StoredConversation {
  readonly id: string;
  readonly token: string;
  lastEventId?: string | undefined;
  rated?: boolean | undefined;
  /** The page the agents were last told the customer is on. */
  page?: string | undefined;
  /** The customer id the host page gave when the conversation opened: another person starts a new one. */
  customerId?: string | undefined;
}

export function loadConversation(key: string): StoredConversation | undefined {
  try {
    const raw = localStorage.getItem(key);
    const value = raw === null ? undefined : (JSON.parse(raw) as Partial<StoredConversation>);
    return typeof value?.id === 'string' && typeof value.token === 'string' ? (value as StoredConversation) : undefined;
  } catch {
    return undefined;
  }
}

export function saveConversation(key: string, stored: StoredConversation | undefined): void {
  try {
    if (stored === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(stored));
  } catch {
    // Private mode without storage: the conversation lasts until the page closes.
  }
}
