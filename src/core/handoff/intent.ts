// The handoff intents the trained detectors recognise. Runtime: any.
export const INTENTS = ['human_request', 'emotion', 'sensitive'] as const;
export type Intent = (typeof INTENTS)[number];
