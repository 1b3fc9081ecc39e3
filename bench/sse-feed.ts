// A server-sent events feed over node:http for the benchmark: idle (opened and never read, like a browser
// tab in the background) or read, with waiters for the next event that matches.
import http from 'node:http';

export interface SseEvent {
  readonly event: string;
  readonly data: string;
  /** performance.now() when the chunk carrying the event arrived. */
  readonly at: number;
}

interface Waiter {
  readonly matches: (event: SseEvent) => boolean;
  readonly resolve: (event: SseEvent) => void;
}

export class SseFeed {
  private readonly waiters = new Set<Waiter>();
  private buffer = '';

  private constructor(private readonly request: http.ClientRequest) {}

  /** Opens the feed; resolves once the server has answered 200 with the event stream. */
  static open(
    agent: http.Agent,
    url: string,
    token: string,
    options: { read: boolean; timeoutMs?: number },
  ): Promise<SseFeed> {
    return new Promise((resolve, reject) => {
      const request = http.request(url, {
        agent,
        method: 'GET',
        headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
      });
      const feed = new SseFeed(request);
      const timer = setTimeout(
        () => request.destroy(new Error(`no answer from ${url} in ${options.timeoutMs ?? 10_000} ms`)),
        options.timeoutMs ?? 10_000,
      );
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.on('response', (response) => {
        clearTimeout(timer);
        if (response.statusCode !== 200) {
          response.resume();
          request.destroy();
          reject(new Error(`GET ${url}: HTTP ${response.statusCode}`));
          return;
        }
        request.removeAllListeners('error');
        request.on('error', () => undefined);
        if (options.read) {
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => feed.receive(chunk, performance.now()));
        }
        resolve(feed);
      });
      request.end();
    });
  }

  /** The next event (arriving after this call) that matches. */
  next(matches: (event: SseEvent) => boolean, timeoutMs: number): Promise<SseEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching event in ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        matches,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      this.waiters.add(waiter);
    });
  }

  close(): void {
    this.request.destroy();
  }

  private receive(chunk: string, at: number): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length === 0) continue;
      const parsed: SseEvent = { event, data: data.join('\n'), at };
      for (const waiter of this.waiters) {
        if (waiter.matches(parsed)) {
          this.waiters.delete(waiter);
          waiter.resolve(parsed);
        }
      }
    }
  }
}
