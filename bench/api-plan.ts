// The open-loop schedule of one load step: customer messages arrive as a Poisson process at a fixed rate,
// whatever the server's response times. Each arrival is the next message of a conversation whose customer
// has finished thinking, or else the first message of a new conversation, opened a moment before (the chat
// widget opens it when the customer starts typing). Deterministic for a seed, so every server gets the same plan.
import type { CustomerTexts } from './api-texts.ts';
import { MinHeap } from './min-heap.ts';
import { exponential, pick, seededRandom, weightedIndex, type Random } from './seeded-random.ts';

export interface PlanSettings {
  /** Customer messages per second. */
  readonly rate: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
  readonly seed: number;
  /** Mean pause between a customer's messages, counted from the previous message's scheduled time (a quarter of it is the minimum). */
  readonly thinkMs: number;
  /** How long before its first message a conversation is opened. */
  readonly openLeadMs: number;
  /** Share of conversations that end by asking for a person (a ticket). */
  readonly personShare: number;
}

export type PlannedRequest =
  | { readonly kind: 'open'; readonly at: number; readonly conversation: number }
  | {
      readonly kind: 'message';
      readonly at: number;
      readonly conversation: number;
      readonly text: string;
      readonly measured: boolean;
    };

export interface LoadPlan {
  /** Sorted by `at`, milliseconds from the start of the step. */
  readonly requests: readonly PlannedRequest[];
  readonly conversations: number;
  readonly messages: number;
  readonly measuredMessages: number;
  /** The measured window, [from, to) in the same milliseconds. */
  readonly measureFrom: number;
  readonly measureTo: number;
  readonly personRequests: number;
}

/** Messages per conversation: 1 to 4 (mean 2). */
const LENGTH_WEIGHTS = [4, 3, 2, 1];

function script(random: Random, texts: CustomerTexts, personShare: number): { texts: string[]; person: boolean } {
  const opening = pick(random, texts.openings);
  const length = 1 + weightedIndex(random, LENGTH_WEIGHTS);
  const lines = opening.texts.slice(0, length);
  while (lines.length < length) {
    const next = pick(random, texts.questions[opening.lang]);
    if (!lines.includes(next)) lines.push(next);
  }
  const person = random.next() < personShare;
  if (person) lines[lines.length - 1] = pick(random, texts.personRequests[opening.lang]);
  return { texts: lines, person };
}

export function buildPlan(settings: PlanSettings, texts: CustomerTexts): LoadPlan {
  const random = seededRandom(settings.seed);
  const lead = settings.openLeadMs;
  const total = (settings.warmupSeconds + settings.seconds) * 1000;
  const measureFrom = settings.warmupSeconds * 1000;
  const requests: PlannedRequest[] = [];
  const ready = new MinHeap<{ conversation: number; lines: string[]; next: number }>();
  let conversations = 0;
  let personRequests = 0;
  let messages = 0;
  let measuredMessages = 0;
  for (
    let time = exponential(random, 1000 / settings.rate);
    time < total;
    time += exponential(random, 1000 / settings.rate)
  ) {
    let speaker: { conversation: number; lines: string[]; next: number };
    if ((ready.peekKey() ?? Infinity) <= time) {
      speaker = ready.pop()!;
    } else {
      const lines = script(random, texts, settings.personShare);
      if (lines.person) personRequests += 1;
      speaker = { conversation: conversations, lines: lines.texts, next: 0 };
      conversations += 1;
      requests.push({ kind: 'open', at: time, conversation: speaker.conversation });
    }
    const measured = time >= measureFrom;
    requests.push({
      kind: 'message',
      at: time + lead,
      conversation: speaker.conversation,
      text: speaker.lines[speaker.next] ?? '',
      measured,
    });
    messages += 1;
    if (measured) measuredMessages += 1;
    speaker.next += 1;
    if (speaker.next < speaker.lines.length)
      ready.push(time + settings.thinkMs / 4 + exponential(random, (settings.thinkMs * 3) / 4), speaker);
  }
  requests.sort((a, b) => a.at - b.at);
  return {
    requests,
    conversations,
    messages,
    measuredMessages,
    measureFrom: measureFrom + lead,
    measureTo: total + lead,
    personRequests,
  };
}
