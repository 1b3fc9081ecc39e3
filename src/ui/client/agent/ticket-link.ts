// The console's address for a ticket, `/agent/tickets/{id}`, so a ticket can be shared and reloaded. Runtime: browser.

const PREFIX = '/agent/tickets/';

/** The ticket a deep link names, if the page was opened with one. */
export function ticketIdFromPath(pathname: string): string | undefined {
  if (!pathname.startsWith(PREFIX)) return undefined;
  const raw = pathname.slice(PREFIX.length).replace(/\/$/, '');
  if (raw === '' || raw.includes('/')) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Shows the open ticket in the address bar (keeping `?lang=`) without adding a history entry per ticket. */
export function showTicketInAddress(id: string): void {
  const path = `${PREFIX}${encodeURIComponent(id)}`;
  if (location.pathname !== path) history.replaceState(history.state, '', `${path}${location.search}`);
}
