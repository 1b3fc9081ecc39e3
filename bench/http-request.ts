// One HTTP request over node:http (lighter than fetch for a load generator), body collected as text.
import http from 'node:http';

export interface HttpResponse {
  readonly status: number;
  readonly body: string;
}

export interface HttpRequestOptions {
  readonly method: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
  readonly timeoutMs: number;
}

export function httpRequest(agent: http.Agent, url: string, options: HttpRequestOptions): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const body = options.json === undefined ? undefined : JSON.stringify(options.json);
    const headers: Record<string, string> = { ...options.headers };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const request = http.request(url, { agent, method: options.method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    });
    request.setTimeout(options.timeoutMs, () =>
      request.destroy(Object.assign(new Error(`no response in ${options.timeoutMs} ms`), { code: 'TIMEOUT' })),
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** A short name for what went wrong with a request: the HTTP status or the socket error code. */
export function failureKind(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string')
    return error.code;
  return error instanceof Error ? error.message : String(error);
}

/** Parses a JSON body, throwing with the status and the start of the body when it is not what was expected. */
export function jsonBody<T>(response: HttpResponse, expected: number): T {
  if (response.status !== expected)
    throw new Error(`HTTP ${response.status} (expected ${expected}): ${response.body.slice(0, 300)}`);
  return JSON.parse(response.body) as T;
}
