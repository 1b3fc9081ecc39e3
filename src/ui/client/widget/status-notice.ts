// What the widget says about who is serving the customer: the header's state line, and the notice under the log
// (the place in the queue, an agent joining, the resolution). Runtime: browser.
import { fill, type UiLang, type UiStrings } from '../../i18n.ts';
import type { QueueStanding } from '../api-types.ts';

export function statusText(t: UiStrings, status: string): string {
  const texts: Readonly<Record<string, string>> = {
    bot: t.statusBot,
    waiting: t.statusWaiting,
    transferred: t.statusWaiting,
    assigned: t.statusAssigned,
    resolved: t.statusResolved,
  };
  return texts[status] ?? t.statusBot;
}

/** Waiting for a person (in the queue, or the service is closed), an agent joined, resolved; otherwise nothing. */
export function noticeText(
  t: UiStrings,
  lang: UiLang,
  status: string,
  queue: QueueStanding | null,
  agentName?: string,
): string {
  if ((status === 'waiting' || status === 'transferred') && queue !== null) {
    if (queue.opensAt === undefined)
      return fill(t.queueNotice, { position: queue.position, minutes: queue.expectedWaitMinutes });
    const opens = new Date(queue.opensAt).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    });
    return fill(t.queueAfterHours, { time: opens });
  }
  if (status === 'assigned' && agentName !== undefined) return fill(t.agentJoined, { name: agentName });
  if (status === 'resolved') return t.resolvedNotice;
  return '';
}
