// A router for one group of routes, with the app's validation hook: a request that fails its zod schema becomes
// a `bad_request:<field>` error naming the first field at fault. Runtime: any.
import { OpenAPIHono, type z } from '@hono/zod-openapi';
import { AppError } from '../core/errors.ts';
import type { AppEnv } from './app-env.ts';

/** The error for a request that failed its schema: the first issue's field in the code, every issue in the message. */
export function invalidRequest(error: z.ZodError): AppError {
  // A path may hold a key the client chose (an attribute's name): only word characters, dots and dashes stay in the code.
  const field = error.issues[0]?.path.join('.').replace(/[^\w.-]/g, '_') || 'body';
  const message = error.issues.map((entry) => `${entry.path.join('.') || 'body'}: ${entry.message}`).join('; ');
  return new AppError(`bad_request:${field}`, message);
}

export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalidRequest(result.error);
    },
  });
}
