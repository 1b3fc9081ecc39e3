// Every way a reply ends with a person, decided in one place. The pipeline asks at each of its checkpoints
// and hands off when the answer is a reason; the order of the checkpoints is the pipeline's. Runtime: any.
import type { Citation, HandoffReason } from '../conversation/conversation.ts';
import type { HandoffAssessment } from '../handoff/handoff-policy.ts';
import type { LlmComposition } from '../ports/answer-composer.ts';
import type { Decision } from './decide.ts';

export type HandoffCheckpoint =
  /** The live detectors on the customer's message (a request for a person, emotion, a sensitive topic, a loop). */
  | { readonly at: 'message'; readonly assessment: HandoffAssessment; readonly drafting: boolean }
  /** Retrieval: nothing answers well enough (`low_confidence`), or the topic is reserved for people (`sensitive`). */
  | {
      readonly at: 'retrieval';
      readonly decision: Decision;
      readonly citationOf: (article: NonNullable<Extract<Decision, { action: 'handoff' }>['article']>) => Citation;
    }
  /** The model said its articles do not answer the question. */
  | { readonly at: 'model'; readonly composition: LlmComposition | undefined }
  /** The offline answer leans on the article too little to be sent. */
  | { readonly at: 'grounding'; readonly groundedness: number; readonly minimum: number }
  /** Anything failed while the reply was being made: never leave the customer without an answer. */
  | { readonly at: 'failure' };

export interface HandoffExit {
  /** Every reason, most important first; the first decides the customer's text. */
  readonly reasons: readonly [HandoffReason, ...HandoffReason[]];
  /** The article reserved for people, shown to the agent. */
  readonly citations: readonly Citation[];
}

const exit = (reasons: readonly HandoffReason[], citations: readonly Citation[] = []): HandoffExit | undefined => {
  const [first, ...rest] = reasons;
  return first === undefined ? undefined : { reasons: [first, ...rest], citations };
};

/** The handoff at this checkpoint, or undefined when the reply may go on. */
export function handoffExit(checkpoint: HandoffCheckpoint): HandoffExit | undefined {
  switch (checkpoint.at) {
    case 'message':
      // An agent's draft is written for someone a person already serves: the detectors do not apply.
      return checkpoint.drafting ? undefined : exit(checkpoint.assessment.reasons);
    case 'retrieval': {
      const { decision } = checkpoint;
      if (decision.action !== 'handoff') return undefined;
      const cited =
        decision.article !== undefined && decision.reason === 'sensitive'
          ? [checkpoint.citationOf(decision.article)]
          : [];
      return exit([decision.reason], cited);
    }
    case 'model':
      return checkpoint.composition?.kind === 'needs-human' ? exit(['low_confidence']) : undefined;
    case 'grounding':
      return checkpoint.groundedness < checkpoint.minimum ? exit(['low_confidence']) : undefined;
    case 'failure':
      return exit(['error']);
    default: {
      const unknown: never = checkpoint;
      throw new Error(`unknown handoff checkpoint ${JSON.stringify(unknown)}`);
    }
  }
}
