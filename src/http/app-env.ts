// The Hono environment every router shares: the request id the first middleware sets. Runtime: any.
export type AppEnv = { Variables: { requestId: string } };
