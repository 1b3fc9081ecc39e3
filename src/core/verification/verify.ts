// Verifies replies sentence by sentence against the passages they cite: every claim checked, courtesy never a
// reason to reject, a claim inside a courtesy sentence still checked. Decides verified / repaired / replaced.
// Runtime: any.
import { normalize } from '../text/normalize.ts';
import { termsOf } from './claim-terms.ts';
import { RecentCache } from '../util/recent-cache.ts';
import { checkClaim, type CheckContext, type ClaimCheck } from './check-claim.ts';
import { claimsOf } from './claims.ts';
import { compoundNamesOf, personalDataOf } from './entities.ts';
import { stem } from '../text/stem.ts';
import { plainSentence, segmentsOf } from './segments.ts';
import { sourceIndexOf, type SourceDocument, type SourceIndex } from './source-index.ts';

export interface SentenceVerdict {
  /** The sentence as written, list marker included. */
  readonly text: string;
  readonly checks: readonly ClaimCheck[];
  readonly supported: boolean;
  /** States something about the problem (a claim, or words the sources use), as opposed to courtesy. */
  readonly substantive: boolean;
}

export type VerificationOutcome = 'verified' | 'repaired' | 'replaced';

export interface VerifierOptions {
  /** The customer's message and history: names and contacts the customer gave may be repeated. */
  readonly customerText?: string | undefined;
  /** Text the reply must never reproduce (the system prompt). */
  readonly secretTexts?: readonly string[] | undefined;
}

/** Consecutive words a reply may share with the prompt before it counts as reproducing it. */
export const PROMPT_SHINGLE = 6;
/** A sentence without claims is substantive when at least this share of its words is in the sources. */
const SUBSTANCE_OVERLAP = 0.5;

const shingles = (text: string): string[] => {
  const words = normalize(text).match(/[\p{L}\d]+/gu) ?? [];
  const result: string[] = [];
  for (let index = 0; index + PROMPT_SHINGLE <= words.length; index += 1)
    result.push(words.slice(index, index + PROMPT_SHINGLE).join(' '));
  return result;
};
const SECRET_SHINGLES = new RecentCache<string, ReadonlySet<string>>(16);

/** Words of a text joined by single spaces, padded, for finding one text's words inside another's. */
const wordLine = (text: string) => ` ${(normalize(text).match(/[\p{L}\d]+/gu) ?? []).join(' ')} `;
/** A sentence at least this many words long found word for word in a cited passage is what the article says. */
const QUOTE_WORDS = 8;

/** Checks one sentence at a time (the claim verifier; a pass-through in benchmarks). */
export interface SentenceChecker {
  sentence(text: string): SentenceVerdict;
}

export class ClaimVerifier implements SentenceChecker {
  private readonly context: CheckContext;
  private readonly secret: ReadonlySet<string>;
  private readonly passageLines: readonly string[];

  constructor(
    readonly index: SourceIndex,
    options: VerifierOptions = {},
  ) {
    this.context = { index, customerText: options.customerText };
    const sourceShingles = new Set(index.passages.flatMap((passage) => shingles(passage.text)));
    const secret = new Set<string>();
    for (const text of options.secretTexts ?? [])
      for (const shingle of SECRET_SHINGLES.through(text, (key) => new Set(shingles(key))))
        if (!sourceShingles.has(shingle)) secret.add(shingle);
    this.secret = secret;
    this.passageLines = index.passages.map((passage) => wordLine(passage.text));
  }

  static of(documents: readonly SourceDocument[], options: VerifierOptions = {}): ClaimVerifier {
    return new ClaimVerifier(sourceIndexOf(documents), options);
  }

  sentence(text: string): SentenceVerdict {
    const plain = plainSentence(text);
    const claims = claimsOf(plain);
    const vocabulary = this.index.vocabulary;
    for (const entity of [
      ...compoundNamesOf(plain, (word) => vocabulary.has(stem(normalize(word)))),
      ...personalDataOf(plain),
    ]) {
      if (
        !claims.some(
          (claim) =>
            claim.kind === 'entity' && claim.start <= entity.start && claim.start + claim.text.length >= entity.end,
        )
      )
        claims.push({ kind: 'entity', text: entity.text, start: entity.start, entity });
    }
    // A quotation of a cited passage states what the article states, however its values bind to subjects
    // elsewhere in the article («в течение 4 часов на тарифе «Бизнес»» beside a list giving «Бизнес» 1 hour).
    const line = wordLine(plain);
    const quoted =
      line.split(' ').length - 2 >= QUOTE_WORDS && this.passageLines.some((passage) => passage.includes(line));
    const checks = claims.map((claim): ClaimCheck =>
      quoted ? { claim, verdict: 'supported' } : checkClaim(claim, plain, this.context),
    );
    const leaked = shingles(plain).find((shingle) => this.secret.has(shingle));
    if (leaked !== undefined)
      checks.push({ claim: { kind: 'prompt', text: leaked, start: 0 }, verdict: 'prompt-text' });
    const supported = checks.every((check) => check.verdict === 'supported');
    return { text, checks, supported, substantive: checks.length > 0 || this.overlap(plain) >= SUBSTANCE_OVERLAP };
  }

  /** Every sentence of a finished text. */
  sentencesOf(text: string): SentenceVerdict[] {
    return segmentsOf(text).map((segment) => this.sentence(segment.text));
  }

  private overlap(sentence: string): number {
    const terms = termsOf(sentence);
    if (terms.length < 3) return 0;
    return terms.filter((term) => this.index.hasTerm(term)).length / terms.length;
  }
}

export interface Verification {
  readonly sentences: readonly SentenceVerdict[];
  readonly outcome: VerificationOutcome;
  /** The reply without its unsupported sentences (what a repair sends). */
  readonly repaired: string;
  /** Share of claims supported, in [0, 1]; 1 when the reply makes none. */
  readonly score: number;
}

/** Verifies finished text. */
export function verifyText(
  text: string,
  documents: readonly SourceDocument[],
  options: VerifierOptions = {},
): Verification {
  const verifier = ClaimVerifier.of(documents, options);
  const verdicts = segmentsOf(text).map((segment) => ({ ...verifier.sentence(segment.text), gap: segment.gap }));
  let repaired = '';
  let gap = '';
  for (const verdict of verdicts) {
    if (verdict.supported) {
      repaired += (repaired === '' ? '' : gap) + verdict.text;
      gap = verdict.gap;
    } else if (verdict.gap.includes('\n') && !gap.includes('\n')) gap = verdict.gap;
  }
  return { sentences: verdicts, outcome: outcomeOf(verdicts), repaired, score: scoreOf(verdicts) };
}

/** Verified when nothing is unsupported; repaired when what is left still answers; replaced otherwise. */
export function outcomeOf(sentences: readonly SentenceVerdict[]): VerificationOutcome {
  const dropped = sentences.filter((sentence) => !sentence.supported);
  if (dropped.length === 0) return 'verified';
  const kept = sentences.filter((sentence) => sentence.supported && sentence.substantive).length;
  return kept > 0 && kept >= dropped.length ? 'repaired' : 'replaced';
}

export function scoreOf(sentences: readonly SentenceVerdict[]): number {
  const checks = sentences.flatMap((sentence) => sentence.checks);
  return checks.length === 0 ? 1 : checks.filter((check) => check.verdict === 'supported').length / checks.length;
}

/** The unsupported claims of a verification, for metadata and logs. */
export function unsupportedClaims(
  sentences: readonly SentenceVerdict[],
): Array<{ kind: string; claim: string; verdict: string; sentence: string }> {
  return sentences.flatMap((sentence) =>
    sentence.checks
      .filter((check) => check.verdict !== 'supported')
      .map((check) => ({
        kind: check.claim.kind,
        claim: check.claim.text,
        verdict: check.verdict,
        sentence: sentence.text,
      })),
  );
}
