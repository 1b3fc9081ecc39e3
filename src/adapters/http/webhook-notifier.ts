// Notifier over a webhook: the notice is POSTed as JSON to the host's backend (NOTIFY_WEBHOOK_URL), which e-mails
// the customer; a failed delivery is tried once more. Runtime: any (fetch).
import type { AgentReplyNotice, Notifier } from '../../core/ports/notifier.ts';

export class WebhookNotifier implements Notifier {
  constructor(
    private readonly url: string,
    private readonly options: { readonly timeoutMs?: number; readonly fetch?: typeof fetch } = {},
  ) {}

  async notify(notice: AgentReplyNotice): Promise<void> {
    let failure: unknown;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const response = await (this.options.fetch ?? fetch)(this.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(notice),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
        });
        await response.body?.cancel();
        if (response.ok) return;
        failure = new Error(`the notification webhook answered ${response.status}`);
      } catch (error) {
        failure = error;
      }
    }
    throw failure instanceof Error ? failure : new Error(String(failure));
  }
}
