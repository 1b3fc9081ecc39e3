// Splits reply text into sentences and list items, all at once or as it streams, keeping the exact text
// between them, so a reply rebuilt from the kept segments reads as the model wrote it. Runtime: any.

export interface Segment {
  /** The sentence or list item as written (list marker included). */
  readonly text: string;
  /** The whitespace that followed it. */
  readonly gap: string;
}

/** A sentence ends at a line break, or after . ! ? … before a capital letter, a digit, a quote or a list marker. */
const BOUNDARY = /\n[\s]*|(?<=[.!?…])[ \t\u00a0]+(?=[\p{Lu}\d«"“(*•-])/gu;
/** Text that only starts a list item ("1.", "2)") is not a sentence of its own. */
const LIST_MARKER_ONLY = /(?:^|\n)[ \t]*(?:\d{1,2}[.)]|[-*•])$/u;
const ABBREVIATION =
  /(?<![\p{L}])(?:д|дом|кв|ул|г|стр|корп|тел|пр|пер|им|п|пп|см|рис|ст|no|nos|apt|st|tel|approx|ca|p|pp|vs|ed)\.$/iu;
const MARKER = /^\s*(?:\d{1,2}[.)]|[-*•])\s+/u;
/**
 * The longest segment: a longer sentence is cut at whitespace into pieces of at most this many characters. The
 * checker reads a sentence once per claim in it (its clauses, its other facts), so a "sentence" of 100,000
 * characters without a full stop would cost time quadratic in its length. Written sentences are far shorter (the
 * longest in the knowledge base and the evals is under 350 characters).
 */
export const MAX_SEGMENT_LENGTH = 600;
const SPACE = /^\s$/u;
const isSpace = (text: string, index: number) => SPACE.test(text.charAt(index));

/** A sentence as pieces of at most `MAX_SEGMENT_LENGTH` characters, cut where a run of whitespace starts. */
function piecesOf(sentence: string, gap: string): Segment[] {
  const pieces: Segment[] = [];
  let start = 0;
  while (sentence.length - start > MAX_SEGMENT_LENGTH) {
    let cut = start + MAX_SEGMENT_LENGTH;
    while (cut > start && !(isSpace(sentence, cut) && !isSpace(sentence, cut - 1))) cut -= 1;
    let next = cut;
    if (cut === start) {
      // One word longer than a piece: cut inside it, never between the halves of a surrogate pair.
      cut = start + MAX_SEGMENT_LENGTH;
      const code = sentence.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
      next = cut;
    } else while (next < sentence.length && isSpace(sentence, next)) next += 1;
    pieces.push({ text: sentence.slice(start, cut), gap: sentence.slice(cut, next) });
    start = next;
  }
  pieces.push({ text: sentence.slice(start), gap });
  return pieces;
}

/** The sentence without its list marker and Markdown emphasis: what the checker reads. */
export function plainSentence(segment: string): string {
  return segment
    .replace(MARKER, '')
    .replace(/\*\*|__/g, '')
    .trim();
}

/** Splits finished text. */
export function segmentsOf(text: string): Segment[] {
  const stream = new SegmentStream();
  return [...stream.push(text), ...stream.end()];
}

/** Feeds on text as it arrives and returns each segment once the start of the next one confirms where it ends. */
export class SegmentStream {
  private buffer = '';

  push(text: string): Segment[] {
    this.buffer += text;
    const segments: Segment[] = [];
    let start = 0;
    for (const match of this.buffer.matchAll(BOUNDARY)) {
      const end = match.index + match[0].length;
      // The boundary is only certain once a character follows it.
      if (end >= this.buffer.length) break;
      const sentence = this.buffer.slice(start, match.index);
      if (LIST_MARKER_ONLY.test(sentence) || sentence.trim() === '') continue;
      // «ул. Лесная, д. 12, кв. 48», "approx. 5": a short abbreviation before a number ends no sentence.
      if (!match[0].includes('\n') && ABBREVIATION.test(sentence) && /\d/.test(this.buffer[end] ?? '')) continue;
      segments.push(...piecesOf(sentence, match[0]));
      start = end;
    }
    this.buffer = this.buffer.slice(start);
    return segments;
  }

  /** Whatever is left when the text is complete. */
  end(): Segment[] {
    const rest = this.buffer;
    this.buffer = '';
    const text = rest.trimEnd();
    return text.trim() === '' ? [] : piecesOf(text.replace(/^\s+/, ''), '');
  }
}
