// Configuration: environment-style key/values validated by zod, in two parts: domain settings, shared by every
// platform, and platform settings, this runtime's own. Runtime: any.
import { z } from 'zod';
import { confidenceWeightsSchema } from '../reply/confidence.ts';
import { DEFAULT_THRESHOLDS } from '../reply/decide.ts';
import { parseSlaMinutes } from '../queue/priority.ts';
import { parseWorkingHours } from '../queue/working-hours.ts';
import type { QueueSettings } from '../queue/queue-settings.ts';
import type { IdentitySettings } from '../conversation/identity.ts';

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const share = z.coerce.number().min(0).max(1);
const jsonObject = z.string().transform((text, context) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    context.addIssue({ code: 'custom', message: 'must be a JSON object' });
    return z.NEVER;
  }
});

/**
 * Domain settings: how the desk behaves wherever it runs (knowledge chunking, models, thresholds, queue, limits
 * of a message). The same values mean the same thing on Node and on Workers.
 */
export const domainSettingsSchema = z.object({
  CHUNK_MAX_TOKENS: integer(50, 4000).default(300),
  CHUNK_OVERLAP_TOKENS: integer(0, 1000).default(40),
  MAX_ARTICLE_BYTES: integer(1024, 50 * 1024 * 1024).default(256 * 1024),
  /** Dimensions of the offline hashing embedder. */
  EMBEDDING_DIMENSIONS: integer(16, 8192).default(384),
  OPENAI_EMBEDDINGS_MODEL: z.string().optional(),
  OPENAI_EMBEDDINGS_DIMENSIONS: integer(1, 8192).optional(),
  OPENAI_EMBEDDINGS_BATCH: integer(1, 2048).default(64),
  /** Chat model for the LLM answer path; unset keeps the offline composer. */
  OPENAI_MODEL: z.string().optional(),
  OPENAI_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.2),
  /**
   * Deadline for one model answer, retries and Retry-After waits included: past it the customer gets the offline
   * answer. A chat customer waits a few seconds, not twenty.
   */
  LLM_TIMEOUT_MS: integer(100, 600_000).default(6_000),
  /** Longest model answer, in tokens (`max_tokens`). */
  LLM_MAX_TOKENS: integer(50, 16_000).default(700),
  /** Token budget of the conversation history in the prompt; the newest messages are kept. */
  LLM_HISTORY_TOKENS: integer(0, 32_000).default(1_000),
  /** `auto` asks for JSON-schema output and falls back to JSON mode when the endpoint rejects it. */
  LLM_RESPONSE_FORMAT: z.enum(['auto', 'json_schema', 'json_object']).default('auto'),
  /** With a model: rewrite a follow-up into a standalone search query from the conversation. */
  SEARCH_REWRITE: z.enum(['on', 'off']).default('on'),
  /** With a model: rerank the top articles when the offline search is unsure (`auto`), always, or never. */
  SEARCH_RERANK: z.enum(['auto', 'always', 'off']).default('auto'),
  /** Deadline of each search call to the model; past it the offline search stands. */
  SEARCH_TIMEOUT_MS: integer(50, 60_000).default(1_500),
  /** Deadline for embedding a query with a remote embeddings endpoint; past it retrieval is lexical only. */
  EMBEDDINGS_TIMEOUT_MS: integer(10, 60_000).default(400),
  /** The eval judge's model and endpoint, when it should not be the answering model (a stronger one grades best). */
  JUDGE_MODEL: z.string().optional(),
  /** Prices per 1,000 tokens, for the cost estimate in eval reports. */
  LLM_PRICE_INPUT_PER_1K: z.coerce.number().min(0).default(0),
  LLM_PRICE_OUTPUT_PER_1K: z.coerce.number().min(0).default(0),
  MAX_TEXT_LENGTH: integer(1, 100_000).default(4000),
  /**
   * Largest file a customer or an agent may attach (images and PDF), in bytes: 413 beyond. The upload routes take
   * bodies up to this size; every other route keeps MAX_BODY_BYTES. Default 5 MiB.
   */
  MAX_ATTACHMENT_BYTES: integer(1024, 100 * 1024 * 1024).default(5 * 1024 * 1024),
  RATE_LIMIT_CONVERSATION_PER_MINUTE: integer(1, 1_000_000).default(30),
  RATE_LIMIT_ADDRESS_PER_MINUTE: integer(1, 10_000_000).default(600),
  /** Requests with a wrong token, per address and minute, counted apart from the address's shared budget. */
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: integer(1, 1_000_000).default(20),
  /** Static files (web UI bundles, Swagger UI) per client address and minute, apart from the API's budget. */
  RATE_LIMIT_ASSETS_PER_MINUTE: integer(1, 10_000_000).default(120),
  /** Message posts one client address may have in flight at once; more are refused with 429 until one finishes. */
  MESSAGES_IN_FLIGHT_PER_ADDRESS: integer(1, 100_000).default(8),
  /** Replies waiting on the reply workers beyond which new messages are refused with 503 (busy) before storing. */
  REPLY_QUEUE_LIMIT: integer(1, 1_000_000).default(64),
  /** New conversations per client address per hour (a burst of this many, then refilled over the hour): 429 beyond. */
  CONVERSATIONS_PER_ADDRESS_PER_HOUR: integer(1, 10_000_000).default(100),
  /** New conversations per customer (profile `id`, else `email`) per hour: 429 beyond. */
  CONVERSATIONS_PER_CUSTOMER_PER_HOUR: integer(1, 10_000_000).default(20),
  /**
   * Tickets one client address or customer may open per hour; past it their new tickets are grouped at the back of the
   * queue, marked as a flood, for a lead to close in bulk. A repeated urgent claim joins the source's open ticket.
   */
  HANDOFFS_PER_SOURCE_PER_HOUR: integer(1, 10_000_000).default(5),
  /**
   * `on`: phone numbers, e-mail addresses, card-like and account numbers are masked in logs and in everything sent
   * to a model (prompts, search rewriting, summaries). Stored messages and what agents see are unchanged.
   */
  REDACT_PII: z.enum(['on', 'off']).default('off'),
  /** Logistic weights of the confidence components (JSON); see docs/confidence.md. */
  CONFIDENCE_WEIGHTS: jsonObject.pipe(confidenceWeightsSchema).optional(),
  ANSWER_THRESHOLD: share.default(DEFAULT_THRESHOLDS.answer),
  HANDOFF_THRESHOLD: share.default(DEFAULT_THRESHOLDS.handoff),
  CLARIFY_MARGIN: share.default(DEFAULT_THRESHOLDS.clarifyMargin),
  MIN_GROUNDEDNESS: share.default(0.75),
  /** Emotion intensity at or above which a conversation goes to a person. */
  EMOTION_HANDOFF_THRESHOLD: share.default(0.55),
  /** Minutes to the first human response per priority, e.g. `urgent:15,high:60,normal:240,low:1440`. */
  SLA_MINUTES: z
    .string()
    .default('urgent:15,high:60,normal:240,low:1440')
    .refine((text) => {
      try {
        parseSlaMinutes(text);
        return true;
      } catch {
        return false;
      }
    }, 'must look like urgent:15,high:60,normal:240,low:1440 (positive minutes)'),
  /** When specialists work, e.g. `mon-fri 09:00-21:00; sat-sun 10:00-18:00`; unset means around the clock. */
  SUPPORT_HOURS: z.string().optional(),
  SUPPORT_TIMEZONE: z
    .string()
    .default('Europe/Moscow')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-GB', { timeZone: zone }).format(0);
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Europe/Moscow'),
  QUEUE_MINUTES_PER_TICKET: z.coerce.number().positive().max(1440).default(5),
  DEFAULT_GROUP: z.string().trim().min(1).default('first-line'),
  /** `round-robin`: waiting tickets go to online agents with room in turn; `off`: agents claim from the queue. */
  AUTO_ASSIGN: z.enum(['off', 'round-robin']).default('off'),
  /** Open tickets an agent holds at most before auto-assignment passes them over. */
  AGENT_CAPACITY: integer(1, 100).default(3),
  /**
   * Days a conversation is kept after its last activity; then its texts and the customer's profile are erased (events
   * stay as anonymous facts, so KPIs stay true). Conversations waiting for or with a person are kept. 0: keep forever.
   */
  RETENTION_DAYS: integer(0, 36_500).default(0),
  /**
   * With IDENTITY_SECRET: `optional` (the default) marks a customer verified when the host page's userHash signs their
   * id, `required` refuses a claimed id or e-mail without a valid one, `off` verifies nothing. Without a secret: unused.
   */
  IDENTITY_VERIFICATION: z.enum(['off', 'optional', 'required']).optional(),
});

/**
 * Platform settings: where this process keeps and finds things and how it serves (folders, address, logging,
 * SQLite, worker threads, secrets and endpoints). Another platform has its own.
 */
export const platformSettingsSchema = z.object({
  DATA_DIR: z.string().default('./data'),
  KNOWLEDGE_DIR: z.string().default('./knowledge'),
  /** Defaults to `<DATA_DIR>/index`. */
  INDEX_DIR: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  /**
   * Where a notice goes when a specialist answers a customer who left the chat and gave an e-mail: POSTed as JSON
   * (`type: "agent-reply"`, conversation, ticket, e-mail, language, agent, text) for the site's backend to e-mail on.
   */
  NOTIFY_WEBHOOK_URL: z.url().optional(),
  JUDGE_BASE_URL: z.url().optional(),
  JUDGE_API_KEY: z.string().optional(),
  PROMPTS_DIR: z.string().default('./prompts'),
  HOST: z.string().default('127.0.0.1'),
  PORT: integer(0, 65_535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `full` fsyncs each commit (survives power loss); `normal` survives process crashes only. */
  SQLITE_SYNCHRONOUS: z.enum(['full', 'normal']).default('full'),
  /**
   * Worker threads for the offline reply pipeline: \`auto\` (one per spare core, at most 4), or a count; 0
   * keeps it on the main thread. Not used when a chat model answers (that time is spent waiting, not computing).
   */
  REPLY_WORKERS: z.union([z.literal('auto'), integer(0, 64)]).default('auto'),
  /**
   * Live feeds get this process's events the moment they commit; this is how often (ms) the process also looks
   * for events written by another process sharing the database file, while a feed is open. 0: never.
   */
  EVENT_POLL_MS: integer(0, 60_000).default(1000),
  MAX_BODY_BYTES: integer(1024, 10 * 1024 * 1024).default(64 * 1024),
  /** Sites allowed to embed the chat widget (CORS on the customer API): `*` or a comma-separated list of origins. */
  WIDGET_ORIGINS: z
    .string()
    .default('*')
    .refine(
      (text) => text.trim() === '*' || text.split(',').every((origin) => /^https?:\/\/[^/\s]+$/.test(origin.trim())),
      'use * or a comma-separated list of origins such as https://shop.example',
    ),
  /** How often (minutes) the server applies RETENTION_DAYS; it also does once at start. */
  RETENTION_SWEEP_MINUTES: integer(1, 10_080).default(60),
  /** Where `firstline eval` writes its runs; the lead dashboard lists them. */
  EVAL_RESULTS_DIR: z.string().default('./evals/results'),
  /**
   * The secret the host site's backend signs customer ids with (userHash = hex HMAC-SHA256 of the id), shared with no
   * browser; unset: no customer is ever verified.
   */
  IDENTITY_SECRET: z
    .string()
    .min(16, 'use at least 16 characters (32 random bytes in hex is a good secret)')
    .optional(),
});

export const configSchema = domainSettingsSchema.extend(platformSettingsSchema.shape);

export type DomainSettings = z.infer<typeof domainSettingsSchema>;
export type PlatformSettings = z.infer<typeof platformSettingsSchema> & { readonly INDEX_DIR: string };
export type Config = DomainSettings & PlatformSettings;

export class ConfigError extends Error {
  readonly code = 'bad_request:config';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Validates raw key/values (Node's environment, a Worker's `env` bindings). Empty strings count as unset;
 * unknown keys are ignored. Throws {@link ConfigError} naming every bad key and what is wrong.
 */
export function parseConfig(raw: Record<string, string | undefined>): Config {
  const known = Object.keys(configSchema.shape);
  const present: Record<string, string> = {};
  for (const key of known) {
    const value = raw[key];
    if (value !== undefined && value.trim() !== '') present[key] = value.trim();
  }
  const result = configSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message} (got "${present[String(issue.path[0])] ?? ''}")`,
    );
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  if (result.data.SUPPORT_HOURS !== undefined) {
    try {
      parseWorkingHours(result.data.SUPPORT_HOURS, result.data.SUPPORT_TIMEZONE);
    } catch (error) {
      throw new ConfigError(
        `invalid configuration:\nSUPPORT_HOURS: ${error instanceof Error ? error.message : String(error)} (got "${result.data.SUPPORT_HOURS}")`,
      );
    }
  }
  return { ...result.data, INDEX_DIR: result.data.INDEX_DIR ?? `${result.data.DATA_DIR.replace(/\/+$/, '')}/index` };
}

/** The queue's settings from configuration. */
export function queueSettings(config: Config): QueueSettings {
  return {
    sla: parseSlaMinutes(config.SLA_MINUTES),
    hours:
      config.SUPPORT_HOURS === undefined ? undefined : parseWorkingHours(config.SUPPORT_HOURS, config.SUPPORT_TIMEZONE),
    defaultGroup: config.DEFAULT_GROUP,
    minutesPerTicket: config.QUEUE_MINUTES_PER_TICKET,
    handoffsPerSourcePerHour: config.HANDOFFS_PER_SOURCE_PER_HOUR,
  };
}

/** How customer identities from the host page are verified: IDENTITY_VERIFICATION, `optional` once a secret is set. */
export function identitySettings(config: Config): IdentitySettings {
  return { secret: config.IDENTITY_SECRET, mode: config.IDENTITY_VERIFICATION ?? 'optional' };
}

/** True when an OpenAI-compatible chat model is configured for answers. */
export function usesLlm(config: Config): boolean {
  return (
    config.OPENAI_MODEL !== undefined && (config.OPENAI_API_KEY !== undefined || config.OPENAI_BASE_URL !== undefined)
  );
}

/** True when an OpenAI-compatible endpoint is configured for embeddings. */
export function usesRemoteEmbeddings(config: Config): boolean {
  return (
    config.OPENAI_EMBEDDINGS_MODEL !== undefined &&
    (config.OPENAI_API_KEY !== undefined || config.OPENAI_BASE_URL !== undefined)
  );
}
