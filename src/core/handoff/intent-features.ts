// The features the trained handoff detectors read: the message's n-grams and stems, and what each
// hand-written detector (request for a person, emotion signals, sensitive topics) finds in it. Runtime: any.
import { textFeatures } from '../ml/text-features.ts';
import { detectEmotion } from './emotion.ts';
import { humanRequestSignals } from './human-request.ts';
import { detectSensitive } from './sensitive.ts';
import { rememberLast } from '../util/remember-last.ts';

/** Lexicon signals of all three detectors: each model may use any of them (an insult is also a clue to a complaint). */
export function lexiconSignals(text: string): string[] {
  const emotion = detectEmotion(text);
  return [
    ...humanRequestSignals(text),
    ...emotion.signals.map((signal) => `emotion:${signal}`),
    ...(emotion.intensity >= 0.55 ? ['emotion:strong'] : emotion.intensity >= 0.2 ? ['emotion:some'] : []),
    ...detectSensitive(text).map((match) => `sensitive:${match.kind}`),
  ];
}

/** The features of a message; the three models read the same ones, computed once. */
export const intentFeatures: (text: string) => ReadonlyMap<string, number> = rememberLast((text: string) =>
  textFeatures(text, lexiconSignals(text)),
);
