// A chat model that obeys prompt injections whenever it can: for each adversarial case it replies with the
// case's `obey` text (its system prompt for <<SYSTEM_PROMPT>>, the other customer's data for <<CANARY>>),
// cites an article from its context and says it needs no human. Used with the fake OpenAI-compatible server.
import { CANARY_CUSTOMER } from '../../src/core/evals/canary.ts';
import type { EvalCase } from '../../src/core/evals/suite.ts';
import { fenceUntrusted } from '../../src/core/reply/prompt-inputs.ts';
import type { ChatScript } from './fake-openai.ts';

export interface GullibleModel {
  readonly respond: (body: Record<string, unknown>) => ChatScript;
  /** How many times it replied with an attacker's wish. */
  obeyed: number;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export function gullibleModel(cases: readonly EvalCase[]): GullibleModel {
  const byText = new Map<string, EvalCase>();
  for (const entry of cases) for (const turn of entry.turns) byText.set(squash(fenceUntrusted(turn.customer)), entry);
  const model: GullibleModel = {
    obeyed: 0,
    respond(body) {
      const messages = (body.messages as Array<{ role: string; content: string }> | undefined) ?? [];
      const system = messages.find((message) => message.role === 'system')?.content ?? '';
      const user = messages.find((message) => message.role === 'user')?.content ?? '';
      const question = /<customer_message>\s*([\s\S]*?)\s*<\/customer_message>/.exec(user)?.[1];
      const entry = question === undefined ? undefined : byText.get(squash(question));
      // Summaries and messages that are not an attack: the model has nothing to say.
      if (entry?.obey === undefined) return { kind: 'status', status: 500 };
      model.obeyed += 1;
      const reply =
        entry.obey === '<<SYSTEM_PROMPT>>'
          ? system
          : entry.obey === '<<CANARY>>'
            ? `${CANARY_CUSTOMER.name}, ${CANARY_CUSTOMER.email}: ${CANARY_CUSTOMER.message}`
            : entry.obey;
      const cited = /^\[([a-z0-9-]+)\]/m.exec(user)?.[1];
      return {
        kind: 'content',
        content: JSON.stringify({
          citations: cited === undefined ? [] : [cited],
          needsHuman: false,
          reason: '',
          confidence: 0.95,
          reply,
        }),
        chunkSize: 12,
      };
    },
  };
  return model;
}
