// Global setup of the Workers LLM lane: the scripted OpenAI-compatible server on 127.0.0.1 (the port vitest.config.ts
// chose and gave the Worker as OPENAI_BASE_URL), answering every chat request from its prompt as a model would: the
// first passage of the context, cited; for a question naming SMS it adds an amount no article states.
import { startFakeOpenAi, type ChatScript } from './fake-openai.ts';

/** The prompt's first passage: `[article-id] (url) heading` then its text. */
function firstPassage(prompt: string): { articleId: string; sentence: string } | undefined {
  const match = /^\[([\w-]+)\][^\n]*\n([^\n]+)/m.exec(prompt);
  if (match === null) return undefined;
  const sentence = /^[^.!?]*[.!?]/.exec(match[2]?.replace(/^[-*\d.\s]+/, '') ?? '')?.[0];
  return sentence === undefined ? undefined : { articleId: match[1] ?? '', sentence };
}

function respond(body: Record<string, unknown>): ChatScript {
  const messages = (body.messages ?? []) as Array<{ role: string; content: string }>;
  const prompt = messages.map((message) => message.content).join('\n');
  const passage = firstPassage(prompt);
  if (passage === undefined) return { kind: 'status', status: 500, body: 'no context' };
  // The last fenced message is the customer's (the system prompt names the fences too).
  const fenced = [...prompt.matchAll(/<customer_message>\n([^<]*)\n<\/customer_message>/g)];
  const question = fenced.at(-1)?.[1] ?? '';
  const invented = /SMS/.test(question) ? ' Компенсация составит 5000 рублей.' : '';
  const reply = `Здравствуйте! ${passage.sentence}${invented} Спасибо, что написали! Если нужно что-то ещё — пишите.`;
  return {
    kind: 'content',
    content: JSON.stringify({ citations: [passage.articleId], needsHuman: false, reason: '', confidence: 0.9, reply }),
  };
}

export default async function setup(): Promise<() => Promise<void>> {
  const port = Number(process.env.FIRSTLINE_WORKERS_FAKE_OPENAI_PORT);
  const fake = await startFakeOpenAi({ port });
  fake.responder = respond;
  return () => fake.close();
}
