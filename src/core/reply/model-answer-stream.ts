// Reads the model's answer object while it is still being written: the reply text as it grows, and the
// citations and the needsHuman flag as soon as each is complete, whatever order the model writes them in. Runtime: any.
import { JsonStringFieldStream } from './json-string-stream.ts';

const CITATIONS = /"citations"\s*:\s*(\[[^\]]*\])/;
const NEEDS_HUMAN = /"needsHuman"\s*:\s*(true|false)/;

export class ModelAnswerStream {
  private raw = '';
  private readonly reply = new JsonStringFieldStream('reply');
  private citationIds: string[] | undefined;
  private human: boolean | undefined;

  /** Feeds raw model text; returns the reply characters it completed. */
  push(chunk: string): string {
    this.raw += chunk;
    if (this.citationIds === undefined) {
      const match = CITATIONS.exec(this.raw);
      if (match?.[1] !== undefined) this.citationIds = parseIds(match[1]);
    }
    if (this.human === undefined) {
      const match = NEEDS_HUMAN.exec(this.raw);
      if (match?.[1] !== undefined) this.human = match[1] === 'true';
    }
    return this.reply.push(chunk);
  }

  /** The cited ids once the array is complete (an unparsable array counts as none). */
  get citations(): readonly string[] | undefined {
    return this.citationIds;
  }

  /** The model's needsHuman once written. */
  get needsHuman(): boolean | undefined {
    return this.human;
  }

  get text(): string {
    return this.raw;
  }
}

function parseIds(array: string): string[] {
  try {
    const value: unknown = JSON.parse(array);
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}
