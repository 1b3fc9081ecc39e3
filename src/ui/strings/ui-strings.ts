// The shape of the web UI's strings: one of each per language, so a string missing from a language does not
// compile. `{name}` marks a placeholder that `fill` replaces. Runtime: any.

export interface UiStrings {
  // Widget
  readonly widgetTitle: string;
  readonly widgetOpen: string;
  readonly widgetClose: string;
  readonly widgetWelcome: string;
  readonly messageLabel: string;
  readonly messagePlaceholder: string;
  readonly send: string;
  readonly sendHint: string;
  readonly typing: string;
  readonly you: string;
  readonly customer: string;
  readonly bot: string;
  readonly agent: string;
  readonly sources: string;
  readonly sendFailed: string;
  readonly retry: string;
  readonly statusBot: string;
  readonly statusWaiting: string;
  readonly statusAssigned: string;
  readonly statusResolved: string;
  readonly queueNotice: string;
  readonly queueAfterHours: string;
  readonly agentJoined: string;
  readonly resolvedNotice: string;
  readonly rateTitle: string;
  readonly rateStar: string;
  readonly rateComment: string;
  readonly rateSend: string;
  readonly rateThanks: string;
  readonly newConversation: string;
  // Consoles
  readonly signInTitle: string;
  readonly tokenLabel: string;
  readonly signIn: string;
  readonly signOut: string;
  readonly signInFailed: string;
  readonly queueTitle: string;
  readonly queueEmpty: string;
  readonly waitingFor: string;
  readonly dueIn: string;
  readonly overdueBy: string;
  readonly claimedBy: string;
  readonly floodGrouped: string;
  readonly floodSummary: string;
  readonly floodClose: string;
  readonly floodConfirm: string;
  readonly floodClosed: string;
  readonly dismiss: string;
  readonly newMessages: string;
  readonly unreadMessage: string;
  readonly readOnlyResolved: string;
  readonly readOnlyReleased: string;
  readonly replyNotYours: string;
  readonly newTickets: string;
  readonly selectTicket: string;
  readonly summary: string;
  readonly problem: string;
  readonly botTried: string;
  readonly composedByModel: string;
  readonly repairedByModel: string;
  readonly replacedModel: string;
  readonly composedOffline: string;
  readonly customerAnswered: string;
  readonly openQuestions: string;
  readonly mood: string;
  readonly reasons: string;
  readonly confidence: string;
  readonly articlesUsed: string;
  readonly transcript: string;
  readonly notes: string;
  readonly noNotes: string;
  readonly claim: string;
  readonly claimedByOther: string;
  readonly reply: string;
  readonly replyHint: string;
  readonly suggest: string;
  readonly noSuggestion: string;
  readonly addNote: string;
  readonly noteLabel: string;
  readonly transfer: string;
  readonly groupLabel: string;
  readonly release: string;
  readonly resolve: string;
  readonly resolutionLabel: string;
  readonly resolutionSolved: string;
  readonly resolutionWorkaround: string;
  readonly resolutionDuplicate: string;
  readonly resolutionNoResponse: string;
  readonly actionFailed: string;
  readonly status: string;
  readonly priority: string;
  readonly language: string;
  // Lead
  readonly leadTitle: string;
  readonly period: string;
  readonly period24h: string;
  readonly period7d: string;
  readonly period30d: string;
  readonly kpiFirstResponseBot: string;
  readonly kpiFirstResponseHuman: string;
  readonly kpiResolution: string;
  readonly kpiConversations: string;
  readonly kpiTickets: string;
  readonly kpiBacklog: string;
  readonly kpiOverdue: string;
  readonly kpiSla: string;
  readonly kpiContainment: string;
  readonly kpiCsat: string;
  readonly chartFirstResponse: string;
  readonly chartResolution: string;
  readonly chartBacklog: string;
  readonly chartSla: string;
  readonly chartHandoff: string;
  readonly chartCsat: string;
  readonly evalRuns: string;
  readonly noEvalRuns: string;
  readonly evalDate: string;
  readonly evalPassRate: string;
  readonly evalGate: string;
  readonly evalReport: string;
  readonly open: string;
  readonly pass: string;
  readonly fail: string;
  readonly noData: string;
  readonly kpisTitle: string;
  readonly chartsTitle: string;
  readonly updated: string;
  readonly csatResponses: string;
  readonly showTable: string;
  readonly time: string;
  readonly cases: string;
  readonly hitAt1: string;
  readonly mrr: string;
  readonly politeness: string;
  readonly factRecall: string;
  readonly groundedness: string;
  readonly handoffF1: string;
  readonly reportOf: string;
  readonly secondShort: string;
  readonly minuteShort: string;
  readonly hourShort: string;
  /** The quick-reply buttons under a clarifying question. */
  readonly clarifyOptions: string;
  /** A quick-reply button's accessible name: `{number}` and the option's `{label}`. */
  readonly clarifyOption: string;
  /** The host page's title while a closed widget holds `{count}` unread messages. */
  readonly unreadTitle: string;
  /** The launcher's unread count as a screen reader says it: `{count}`. */
  readonly unreadCount: string;
  readonly previewDismiss: string;
  readonly errorNetwork: string;
  readonly errorRateLimited: string;
  readonly errorBusy: string;
  /** A message over the limit: `{length}` characters of `{max}`. */
  readonly errorTooLong: string;
  readonly errorRejected: string;
  /** The title of an error, for support: `{code}`. */
  readonly errorCode: string;
  /** The composer's counter near the limit: `{length}` of `{max}`. */
  readonly charCounter: string;
}

/** Strings only the server's pages show (kept apart, so the browser scripts do not carry them). */
export interface PageStrings {
  readonly homeChat: string;
  readonly agentTitle: string;
  readonly apiDocs: string;
  readonly chatIntro: string;
  readonly articleUpdated: string;
  readonly pageNotFound: string;
}

/** Names of handoff reasons, ticket states, priorities and moods as people read them. */
export type LabelKey =
  | 'human_request'
  | 'emotion'
  | 'sensitive'
  | 'low_confidence'
  | 'loop'
  | 'error'
  | 'waiting'
  | 'assigned'
  | 'transferred'
  | 'resolved'
  | 'released'
  | 'urgent'
  | 'high'
  | 'normal'
  | 'low'
  | 'anger'
  | 'frustration'
  | 'distress'
  | 'neutral';

export type UiLabels = { readonly [K in LabelKey]: string };
