// The Hono application: middleware, limits, errors, and the route groups mounted as sub-apps. Built from injected
// dependencies only. Runtime: any.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import type { ConversationService } from '../core/use-cases/customer-conversation.ts';
import type { Logger } from '../core/ports/logger.ts';
import { AppError } from '../core/errors.ts';
import type { EventFeed } from '../core/ports/event-feed.ts';
import type { PresenceSignals } from '../core/ports/presence-signals.ts';
import { TypingSignals } from '../core/desk/typing-signals.ts';
import { TypingPresence } from '../core/use-cases/typing-presence.ts';
import type { RateLimiting } from '../core/ports/rate-limiter.ts';
import type { SupportMetrics } from '../core/use-cases/support-metrics.ts';
import { SupportReports } from '../core/use-cases/support-reports.ts';
import type { AgentService } from '../core/use-cases/agent-desk.ts';
import type { TicketStore } from '../core/ports/ticket-store.ts';
import type { AttachmentService } from '../core/use-cases/attachments.ts';
import type { AttachmentStore } from '../core/ports/attachment-store.ts';
import type { MacroStore } from '../core/ports/macro-store.ts';
import type { EvalRuns } from '../core/ports/eval-runs.ts';
import type { ArticleSource } from '../core/ports/article-source.ts';
import { addressLimits } from './address-limits.ts';
import { bodyLimits } from './body-limit.ts';
import type { StaticAssets } from '../core/ports/static-assets.ts';
import { messageAdmission, type ReplyLoad } from './message-admission.ts';
import type { AppEnv } from './app-env.ts';
import { errorBody, handleError } from './errors.ts';
import { newRouter } from './router.ts';
import { conversationRoutes } from './routes/conversations.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { customerRoutes } from './routes/customers.ts';
import { docsRoutes } from './routes/docs.ts';
import { leadRoutes } from './routes/lead.ts';
import { reportRoutes } from './routes/reports.ts';
import { macroRoutes } from './routes/macros.ts';
import { ticketRoutes } from './routes/tickets.ts';
import { typingRoutes } from './routes/typing.ts';
import { uiRoutes } from './routes/ui.ts';

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, string>>;
}

export interface AppDependencies {
  readonly conversations: ConversationService;
  readonly agents: AgentService;
  /** Files sent with messages: uploads, downloads; without it the attachment routes answer 404. */
  readonly attachments?: AttachmentService | undefined;
  /** Where the files are kept: an erasure deletes the erased conversations' files. */
  readonly attachmentStore?: Pick<AttachmentStore, 'deleteErased'> | undefined;
  readonly tickets: TicketStore;
  /** Canned responses for agents' replies. */
  readonly macros: MacroStore;
  /** Live events for customers' and agents' feeds. */
  readonly feed: EventFeed;
  /** Who is typing (ephemeral, in process); a fresh one when not given (tests, evals). */
  readonly typing?: PresenceSignals | undefined;
  /** The KPI projection behind the lead dashboard and `/metrics`. */
  readonly metrics: SupportMetrics;
  /** The leads' performance reports (buildServices makes them); built over `tickets` when not given (tests, evals). */
  readonly reports?: SupportReports | undefined;
  /**
   * Requests per client address, and messages per conversation. `failedAuth`, when given, counts requests that end
   * in 401 per address apart from `perAddress` (which they then do not spend); without it a 401 counts like any request.
   */
  readonly rateLimits: {
    readonly perAddress: RateLimiting;
    readonly perConversation: RateLimiting;
    readonly failedAuth?: RateLimiting | undefined;
    /** Static files (UI bundles, Swagger UI) per client address; unlimited without. */
    readonly assets?: RateLimiting | undefined;
    /** New conversations per client address, and per customer profile (`id`, else `email`); unlimited without. */
    readonly newConversations?: { readonly perAddress: RateLimiting; readonly perCustomer: RateLimiting } | undefined;
  };
  readonly readiness: () => Promise<Readiness>;
  readonly logger: Logger;
  readonly limits: {
    readonly maxTextLength: number;
    readonly maxBodyBytes: number;
    /** The upload routes' body limit (MAX_ATTACHMENT_BYTES); MAX_BODY_BYTES when not given. */
    readonly maxAttachmentBytes?: number | undefined;
    /** Message posts one address may have in flight at once (`MESSAGES_IN_FLIGHT_PER_ADDRESS`); 8 when not given. */
    readonly messagesInFlightPerAddress?: number | undefined;
  };
  /**
   * The reply queue's load (replies waiting or being computed, and the limit): new messages are refused with 503
   * `unavailable:busy` while it is at the limit. Without it messages are never shed for load.
   */
  readonly replyLoad?: (() => ReplyLoad) | undefined;
  /** The client's address as the runtime sees it (for per-address limits). */
  readonly clientAddress: (c: Context) => string;
  /** Serves the interactive docs' static files (Swagger UI), when the runtime has them. */
  readonly docsAsset?: StaticAssets | undefined;
  /** Serves the web UI's built scripts and styles (widget, agent console, lead dashboard). */
  readonly uiAsset?: StaticAssets | undefined;
  /** Knowledge-base articles for citation links (`/kb/:id`). */
  readonly articles?: ArticleSource | undefined;
  /** Origins allowed to call the customer API from a browser (the embedded widget): `*` or a list. */
  readonly widgetOrigins?: string | readonly string[] | undefined;
  /** Finished eval runs for the lead dashboard. */
  readonly evalRuns?: EvalRuns | undefined;
  /** Further Prometheus metrics (model calls, fallbacks) appended to `/metrics`. */
  readonly metricsText?: (() => string) | undefined;
  /** Milliseconds since the epoch; `Date.now` unless a test or an eval sets the time. */
  readonly clock?: (() => number) | undefined;
}

const DEFAULT_MESSAGES_IN_FLIGHT_PER_ADDRESS = 8;

export function createApp(deps: AppDependencies): OpenAPIHono<AppEnv> {
  const app = newRouter();
  const { perAddress, perConversation, failedAuth } = deps.rateLimits;

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    deps.logger.info(
      { requestId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms },
      'request',
    );
  });
  app.onError((error, c) => handleError(error, c, deps.logger));
  app.notFound((c) => c.json(errorBody('not_found:route', `no route for ${c.req.method} ${c.req.path}`), 404));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const readiness = await deps.readiness();
    return c.json(
      { status: readiness.ready ? 'ready' : 'not_ready', checks: readiness.checks },
      readiness.ready ? 200 : 503,
    );
  });

  const corsForBrowsers = widgetCors(deps.widgetOrigins);
  app.use('/v1/conversations', corsForBrowsers);
  app.use('/v1/conversations/*', corsForBrowsers);
  app.use('/v1/attachments/*', corsForBrowsers);
  app.use('/v1/*', addressLimits({ perAddress, failedAuth }, deps.clientAddress, deps.clock));
  // Before the body is read and the message stored: one address's flood must not queue up replies others wait behind.
  app.on(
    'POST',
    '/v1/conversations/:id/messages',
    messageAdmission({
      inFlightPerAddress: deps.limits.messagesInFlightPerAddress ?? DEFAULT_MESSAGES_IN_FLIGHT_PER_ADDRESS,
      clientAddress: deps.clientAddress,
      replyLoad: deps.replyLoad,
    }).middleware,
  );
  app.use('/v1/*', async (c, next) => {
    // A file upload's body is the file itself, of any declared type: its content decides (core/attachments/sniff.ts).
    if (isUpload(c)) return next();
    if (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') {
      const length = Number(c.req.header('content-length') ?? '0');
      const type = c.req.header('content-type') ?? '';
      const hasBody = length > 0 || c.req.header('transfer-encoding') !== undefined || type !== '';
      if (hasBody && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
        throw new AppError(
          'unsupported_media_type:body',
          `send the body as application/json (got "${type || 'no content type'}")`,
        );
      }
    }
    await next();
  });
  const jsonLimit = bodyLimits({ maxBodyBytes: deps.limits.maxBodyBytes });
  const uploadLimit = bodyLimits({
    maxBodyBytes: deps.limits.maxAttachmentBytes ?? deps.limits.maxBodyBytes,
    code: 'payload_too_large:attachment',
    what: 'the file',
  });
  app.use('/v1/*', (c, next) => (isUpload(c) ? uploadLimit(c, next) : jsonLimit(c, next)));
  app.use('/v1/*', (c, next) => (isUpload(c) ? next() : strictUtf8Body(c, next)));

  const now = () => new Date(deps.clock?.() ?? Date.now());
  const typing = deps.typing ?? new TypingSignals();
  app.route('/', conversationRoutes({ ...deps, perConversation, newConversations: deps.rateLimits.newConversations }));
  app.route(
    '/',
    customerRoutes({ agents: deps.agents, tickets: deps.tickets, attachments: deps.attachmentStore, now }),
  );
  if (deps.attachments !== undefined)
    app.route(
      '/',
      attachmentRoutes({
        attachments: deps.attachments,
        conversations: deps.conversations,
        agents: deps.agents,
        tickets: deps.tickets,
      }),
    );
  app.route(
    '/',
    ticketRoutes({
      agents: deps.agents,
      conversations: deps.conversations,
      tickets: deps.tickets,
      now,
      feed: deps.feed,
      typing,
    }),
  );
  const presence = new TypingPresence({ signals: typing, tickets: deps.tickets, clock: () => now().getTime() });
  app.route('/', typingRoutes({ conversations: deps.conversations, agents: deps.agents, typing: presence }));
  app.route(
    '/',
    leadRoutes({
      agents: deps.agents,
      metrics: deps.metrics,
      now,
      evalRuns: deps.evalRuns,
      metricsText: deps.metricsText,
    }),
  );
  app.route('/', reportRoutes({ agents: deps.agents, reports: deps.reports ?? new SupportReports(deps.tickets) }));
  app.route('/', macroRoutes({ agents: deps.agents, macros: deps.macros, now }));
  // Static files have their own per-address budget: a crowd downloading bundles does not spend the API's.
  const assetLimit = assetLimits(deps.rateLimits.assets, deps.clientAddress);
  for (const path of ['/ui/*', '/widget.js', '/docs/assets/*']) app.use(path, assetLimit);
  app.route('/', uiRoutes({ asset: deps.uiAsset, articles: deps.articles }));

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Firstline API',
      version: '0.1.0',
      description: 'AI-assisted first-line support with human handoff.',
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'conversationToken', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'agentToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'Agent, lead or admin token from `firstline agents add`.',
  });
  app.route('/', docsRoutes(deps.docsAsset));
  return app;
}

/** CORS for the customer API, so the widget can be embedded on other sites. */
function widgetCors(origins: string | readonly string[] | undefined): MiddlewareHandler {
  const handler = cors({
    origin: typeof origins === 'string' || origins === undefined ? (origins ?? '*') : [...origins],
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['authorization', 'content-type', 'accept', 'last-event-id'],
    exposeHeaders: ['retry-after'],
    maxAge: 600,
  });
  // Only browsers send Origin, and only they read CORS headers. Skipping the middleware for other clients also
  // keeps Hono from rebuilding every response (it touches c.res before the handler runs).
  const varyByOrigin = origins !== undefined && origins !== '*';
  return (c, next) => {
    if (c.req.header('origin') !== undefined) return handler(c, next);
    if (varyByOrigin) c.header('Vary', 'Origin');
    return next();
  };
}

/** The routes whose body is a file (raw bytes up to MAX_ATTACHMENT_BYTES) rather than JSON. */
const UPLOAD_PATH = /^\/v1\/(?:conversations|tickets)\/[^/]+\/attachments$/;
const isUpload = (c: Context): boolean => c.req.method === 'POST' && UPLOAD_PATH.test(c.req.path);

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Refuses a body that is not valid UTF-8 rather than let it be stored with U+FFFD in place of the bad bytes (what
 * `c.req.json()` makes of them). The bytes are read once: Hono caches them, and the route's `c.req.json()` or
 * `c.req.text()` decodes them from that cache (bytes now known to be valid). Malformed JSON keeps its own error.
 */
const strictUtf8Body: MiddlewareHandler = async (c, next) => {
  if (c.req.raw.body === null || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const bytes = await c.req.arrayBuffer();
  try {
    utf8.decode(bytes);
  } catch {
    throw new AppError('bad_request:body', 'the request body is not valid UTF-8');
  }
  return next();
};

function assetLimits(limiter: RateLimiting | undefined, clientAddress: (c: Context) => string): MiddlewareHandler {
  return async (c, next) => {
    const decision = limiter?.take(clientAddress(c));
    if (decision !== undefined && !decision.allowed)
      throw new AppError('rate_limited:assets', 'too many file downloads from this address; retry later', {
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    await next();
  };
}
