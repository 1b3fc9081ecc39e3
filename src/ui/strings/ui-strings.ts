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
  /** An agent is typing a reply: `{name}`. */
  readonly agentTyping: string;
  /** An agent whose name is not known is typing. */
  readonly agentTypingUnnamed: string;
  /** In the console: the open ticket's customer is typing. */
  readonly customerTyping: string;
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
  // Agent console: inbox views, search, reopening, assignment and presence
  readonly viewLabel: string;
  readonly viewQueue: string;
  readonly viewMine: string;
  readonly viewUnassigned: string;
  readonly viewClosed: string;
  readonly filterLanguage: string;
  readonly filterReason: string;
  readonly filterAny: string;
  readonly searchLabel: string;
  readonly searchPlaceholder: string;
  readonly viewEmpty: string;
  readonly reopen: string;
  readonly assignLabel: string;
  readonly assign: string;
  readonly presenceLabel: string;
  readonly presenceOnline: string;
  readonly presenceAway: string;
  readonly presenceOffline: string;
  readonly signOutEverywhere: string;
  readonly signOutEverywhereConfirm: string;
  readonly signedOutEverywhere: string;
  readonly newTokenLabel: string;
  readonly intakeTitle: string;
  readonly intakeMissing: string;
  readonly intakeAccountNumber: string;
  readonly intakeAddress: string;
  readonly intakePhone: string;
  readonly intakeEmail: string;
  readonly intakeCardLast4: string;
  readonly teamLoad: string;
  // Agent console: the customer context beside a ticket
  readonly contextTitle: string;
  readonly contextVerified: string;
  readonly contextNotVerified: string;
  readonly contextAnonymous: string;
  readonly contextUnverifiedHint: string;
  readonly contextName: string;
  readonly contextEmail: string;
  readonly contextId: string;
  readonly contextPlan: string;
  readonly contextPage: string;
  readonly contextChannel: string;
  readonly contextPrevious: string;
  readonly contextNoPrevious: string;
  readonly contextRating: string;
  readonly contextBotOnly: string;
  // Canned responses and keyboard shortcuts (agent console, lead dashboard)
  readonly macroList: string;
  readonly macroNone: string;
  readonly shortcutsTitle: string;
  readonly shortcutNext: string;
  readonly shortcutPrevious: string;
  readonly shortcutClaim: string;
  readonly shortcutNote: string;
  readonly shortcutReply: string;
  readonly shortcutResolve: string;
  readonly shortcutHelp: string;
  readonly shortcutMacros: string;
  readonly shortcutsNote: string;
  readonly close: string;
  readonly macrosTitle: string;
  readonly macroTitleLabel: string;
  readonly macroTextLabel: string;
  /** Shown as is (not through `fill`). */
  readonly macroPlaceholders: string;
  readonly macroAdd: string;
  readonly macroSave: string;
  readonly macroEdit: string;
  readonly macroDelete: string;
  readonly macroCancel: string;
  /** `{title}` of the macro. */
  readonly macroDeleteConfirm: string;
  readonly macrosEmpty: string;
  readonly macroSaved: string;
  readonly langRu: string;
  readonly langEn: string;
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
  // Attachments (widget and console)
  /** The paperclip button's label. */
  readonly attach: string;
  /** The list of files waiting to be sent. */
  readonly attachmentsPending: string;
  /** Removes a waiting file: `{name}`. */
  readonly attachmentRemove: string;
  /** A file too large: `{name}`, `{max}` (megabytes). */
  readonly attachmentTooLarge: string;
  /** A file of a type not accepted: `{name}`. */
  readonly attachmentWrongType: string;
  /** More files than one message takes: `{max}`. */
  readonly attachmentTooMany: string;
  /** A file that could not be uploaded or shown: `{name}`. */
  readonly attachmentFailed: string;
  /** A link to a file: `{name}`, `{size}`. */
  readonly attachmentLink: string;
  /** The files of one message. */
  readonly attachmentsOfMessage: string;
  readonly sizeBytes: string;
  readonly sizeKilobytes: string;
  readonly sizeMegabytes: string;
  /** The title of an error, for support: `{code}`. */
  readonly errorCode: string;
  /** The composer's counter near the limit: `{length}` of `{max}`. */
  readonly charCounter: string;
  // Lead reports
  readonly reportsTitle: string;
  readonly reportFrom: string;
  readonly reportTo: string;
  readonly reportShow: string;
  readonly reportRangeInvalid: string;
  readonly reportByAgent: string;
  readonly reportByGroup: string;
  readonly reportAgent: string;
  readonly reportGroup: string;
  readonly reportEveryone: string;
  readonly reportTickets: string;
  readonly reportResolved: string;
  readonly reportFirstResponseMedian: string;
  readonly reportFirstResponseP90: string;
  readonly reportResolutionMedian: string;
  readonly reportCsat: string;
  readonly reportLowCsat: string;
  readonly reportSlaBreaches: string;
  readonly reportBacklog: string;
  readonly reportNoRows: string;
  /** A change for the better: `{previous}` is the previous period's value. */
  readonly reportBetter: string;
  readonly reportWorse: string;
  readonly reportChanged: string;
  readonly reportSame: string;
  readonly reportNew: string;
  readonly reportDownloadCsv: string;
  readonly reportComments: string;
  readonly reportNoComments: string;
  readonly reportScore: string;
  /** The drill-down list's title: the figure and whose it is. */
  readonly reportTicketsOf: string;
  readonly reportShown: string;
  readonly reportDrillHint: string;
  readonly reportTicket: string;
  readonly reportCreated: string;
  readonly reportAssignee: string;
  readonly reportFirstResponse: string;
  readonly reportResolution: string;
  readonly reportClose: string;
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
