// JSON calls to the Firstline API with a bearer token; errors carry the API's code and message. Runtime: browser.
import type { ErrorPayload } from './api-types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface CallOptions {
  readonly token?: string | undefined;
  readonly method?: string;
  readonly body?: unknown;
}

/** `T` is what the endpoint answers (a type from api-types.ts); a failure throws ApiError. */
export async function api<T>(base: string, path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'network error');
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw apiError(response, payload as ErrorPayload | undefined, `http_${response.status}`);
  return payload as T;
}

/** The error a failed response stands for: the API's code and message, or the status when the body has none. */
export function apiError(response: Response, payload: ErrorPayload | undefined, fallbackCode: string): ApiError {
  return new ApiError(
    response.status,
    payload?.error?.code ?? fallbackCode,
    payload?.error?.message ?? response.statusText,
  );
}

/** Reads a failed response's error body (if it is JSON) into an ApiError. */
export async function responseError(response: Response, fallbackCode: string): Promise<ApiError> {
  return apiError(response, (await response.json().catch(() => undefined)) as ErrorPayload | undefined, fallbackCode);
}

/** What to show of a failure: the API's message, or the error's. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
