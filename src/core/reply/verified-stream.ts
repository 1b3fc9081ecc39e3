// Streams a model's reply to the customer one verified sentence at a time: a sentence is sent only once it
// is complete and every claim in it is supported; unsupported ones are dropped and never shown. Courtesy is
// held back until the first sentence with substance passes, so a reply that turns out to say nothing true
// leaves nothing on the customer's screen. What was sent is never withdrawn. Runtime: any.
import { SegmentStream, type Segment } from '../verification/segments.ts';
import {
  outcomeOf,
  type SentenceChecker,
  type SentenceVerdict,
  type VerificationOutcome,
} from '../verification/verify.ts';

export class VerifiedStream {
  private readonly segments = new SegmentStream();
  private verifier: SentenceChecker | undefined;
  private pending = '';
  private held: Segment[] = [];
  private sent = '';
  private separator = '';
  private substance = false;
  readonly verdicts: SentenceVerdict[] = [];

  constructor(private readonly emit: (text: string) => void) {}

  /** True once sentences are being checked (the sources are known). */
  get opened(): boolean {
    return this.verifier !== undefined;
  }

  /** What the customer has been sent: always a prefix of the final reply, and all of it when the reply stands. */
  get emitted(): string {
    return this.sent;
  }

  /** True once a sentence with substance has been sent. */
  get answered(): boolean {
    return this.substance;
  }

  /** Starts checking against these sources; text that arrived earlier is checked now. */
  open(verifier: SentenceChecker): void {
    this.verifier = verifier;
    const waiting = this.pending;
    this.pending = '';
    if (waiting !== '') this.push(waiting);
  }

  push(text: string): void {
    if (this.verifier === undefined) {
      this.pending += text;
      return;
    }
    for (const segment of this.segments.push(text)) this.accept(segment, this.verifier);
  }

  /** The reply is complete: the last sentence is checked. Requires {@link open}. */
  finish(): void {
    if (this.verifier === undefined) throw new Error('finish() before open(): the sources are not known');
    for (const segment of this.segments.end()) this.accept(segment, this.verifier);
    // A reply that only asks the customer something («Уточните, пожалуйста, номер заказа?») claims nothing and
    // is an answer of its own: it goes out when nothing in it was dropped.
    if (
      !this.substance &&
      this.held.some((segment) => /\?\s*$/u.test(segment.text)) &&
      this.verdicts.every((verdict) => verdict.supported)
    ) {
      this.substance = true;
      for (const segment of this.held) this.send(segment);
      this.held = [];
    }
  }

  outcome(): VerificationOutcome {
    return outcomeOf(this.verdicts);
  }

  private accept(segment: Segment, verifier: SentenceChecker): void {
    const verdict = verifier.sentence(segment.text);
    this.verdicts.push(verdict);
    if (!verdict.supported) {
      // Keep the paragraph break a dropped sentence ended with.
      if (segment.gap.includes('\n') && !this.separator.includes('\n')) this.separator = segment.gap;
      return;
    }
    if (!this.substance && !verdict.substantive) {
      this.held.push(segment);
      return;
    }
    this.substance = true;
    for (const ready of [...this.held, segment]) this.send(ready);
    this.held = [];
  }

  private send(segment: Segment): void {
    const text = (this.sent === '' ? '' : this.separator) + segment.text;
    this.sent += text;
    this.separator = segment.gap;
    this.emit(text);
  }
}
