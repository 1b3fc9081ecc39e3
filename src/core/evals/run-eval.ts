// Runs eval cases through a target (the real reply pipeline behind the conversation service) and grades
// every turn: action and reason, accuracy, house-style politeness. Runtime: any.
import { gradeHouseStyle, type HouseStyleGrade } from '../graders/house-style.ts';
import type { JudgeVerdict } from '../graders/llm-judge.ts';
import { detectEmotion } from '../handoff/emotion.ts';
import { reportsProblem } from '../reply/problem-signals.ts';
import { detectLanguage } from '../text/language.ts';
import type { Lang } from '../text/lang.ts';
import { gradeAccuracy, type AccuracyGrade } from './accuracy.ts';
import { gradeSafety, type SafetyGrade } from './safety.ts';
import { gradeAssertions } from './assertions/registry.ts';
import type { AssertionResult } from './assertions/assertion.ts';
import { ClaimVerifier, unsupportedClaims } from '../verification/verify.ts';
import type { ReplyVerification } from '../conversation/conversation.ts';
import type { EvalCase, EvalSuite, EvalTurn } from './suite.ts';
import type { EvalTarget, TargetReply } from '../ports/eval-target.ts';

/** What the claim check made of the model's own answer, and how that answer itself grades. */
export interface ModelAnswerGrade {
  readonly outcome: 'verified' | 'repaired' | 'replaced';
  readonly reason?: string | undefined;
  readonly unsupported: ReplyVerification['unsupported'];
  /** The model's own reply graded against the turn's facts and forbidden content; null when it has none. */
  readonly accuracy: AccuracyGrade | null;
}

export interface TurnResult {
  readonly customer: string;
  readonly expect: EvalTurn['expect'];
  readonly reply: TargetReply | null;
  readonly actionOk: boolean;
  readonly politeness: HouseStyleGrade | null;
  readonly accuracy: AccuracyGrade | null;
  /** The LLM judge's verdict, when one ran. */
  readonly judge?: JudgeVerdict | null | undefined;
  /** 1-based rank of the first expected article, null when missing; undefined without expectations. */
  readonly retrievalRank?: number | null | undefined;
  /** For adversarial cases: what leaked or was promised. */
  readonly safety?: SafetyGrade | undefined;
  /** With a model: its own answer, graded, and what the check did with it. */
  readonly model?: ModelAnswerGrade | undefined;
  /** Claims of the delivered answer its cited articles do not support (should always be none). */
  readonly deliveredUnsupported?: readonly string[] | undefined;
  readonly assertions?: readonly AssertionResult[] | undefined;
  readonly passed: boolean;
  readonly reasons: readonly string[];
}

export interface CaseResult {
  readonly id: string;
  readonly suite: string;
  readonly lang: Lang | undefined;
  readonly tags: readonly string[];
  readonly mustPass: boolean;
  readonly repeat: number;
  readonly turns: readonly TurnResult[];
  readonly passed: boolean;
}

function gradeModelAnswer(reply: TargetReply, expect: EvalTurn['expect'], target: EvalTarget): ModelAnswerGrade {
  const verification = reply.verification as ReplyVerification;
  const own = verification.modelReply;
  const accuracy =
    own === undefined || (expect.facts === undefined && expect.forbidden === undefined)
      ? null
      : gradeAccuracy({
          reply: own,
          facts: expect.facts,
          forbidden: expect.forbidden,
          expectedArticles: expect.articles,
          citedArticles: reply.citations,
          sources: reply.citations.map((id) => target.articleText(id)),
        });
  return {
    outcome: verification.outcome,
    reason: verification.reason,
    unsupported: verification.unsupported,
    accuracy,
  };
}

async function runTurn(
  target: EvalTarget,
  conversationId: string,
  turn: EvalTurn,
  lang: Lang,
  firstReply: boolean,
  adversarial: boolean,
): Promise<TurnResult> {
  const reply = await target.post(conversationId, turn.customer);
  const expect = turn.expect;
  const reasons: string[] = [];
  let actionOk = true;
  if (expect.action !== undefined) {
    actionOk =
      reply?.action === expect.action &&
      (expect.handoffReason === undefined || (reply?.reasons[0] ?? '') === expect.handoffReason);
    if (!actionOk) {
      const expected = `${expect.action}${expect.handoffReason === undefined ? '' : ` (${expect.handoffReason})`}`;
      const got = `${reply?.action ?? 'silence'}${reply?.reasons.length ? ` (${reply.reasons.join(', ')})` : ''}`;
      reasons.push(`expected ${expected}, got ${got}`);
    }
  }
  let accuracy: AccuracyGrade | null = null;
  if (
    reply !== null &&
    reply.action === 'answer' &&
    (expect.facts !== undefined || expect.forbidden !== undefined || expect.articles !== undefined)
  ) {
    accuracy = gradeAccuracy({
      reply: reply.text,
      facts: expect.facts,
      forbidden: expect.forbidden,
      expectedArticles: expect.articles,
      citedArticles: reply.citations,
      sources: reply.citations.map((id) => target.articleText(id)),
    });
    if (!accuracy.pass) reasons.push(accuracy.reason);
  }
  const politeness =
    reply === null
      ? null
      : gradeHouseStyle(reply.text, {
          lang,
          firstReply,
          action: reply.action,
          customerUpset: detectEmotion(turn.customer).intensity >= 0.2,
          customerReportsProblem: firstReply && reportsProblem(turn.customer),
        });
  if (politeness !== null && !politeness.pass) reasons.push(`politeness: ${politeness.reason}`);
  let retrievalRank: number | null | undefined;
  if (expect.articles !== undefined) {
    const ranked = await target.rank(turn.customer, lang);
    const index = ranked.findIndex((id) => expect.articles?.includes(id));
    retrievalRank = index === -1 ? null : index + 1;
  }
  const judge =
    reply === null || target.judge === undefined
      ? null
      : ((await target.judge.judge({
          lang,
          question: turn.customer,
          reply: reply.text,
          firstReply,
          sources: reply.citations.map((id) => target.articleText(id)),
        })) ?? null);
  const sourcesOf = (citations: readonly string[]) => citations.flatMap((id) => target.articleSources?.(id) ?? []);
  let safety: SafetyGrade | undefined;
  if (adversarial && reply !== null) {
    const { canaries = [], secretTexts = [] } = target.safety ?? {};
    safety = gradeSafety({
      reply: reply.text,
      action: reply.action,
      forbidden: expect.forbidden ?? [],
      canaries,
      secretTexts,
      sources: sourcesOf(reply.citations),
    });
    if (!safety.pass) reasons.push(`unsafe: ${safety.findings.join('; ')}`);
  }
  const model = reply?.verification === undefined ? undefined : gradeModelAnswer(reply, expect, target);
  // Whatever composed it, what the customer got must be supported by the articles it cites.
  const deliveredUnsupported =
    reply?.action === 'answer' && target.articleSources !== undefined
      ? unsupportedClaims(
          ClaimVerifier.of(sourcesOf(reply.citations), { customerText: turn.customer }).sentencesOf(reply.text),
        ).map((claim) => `${claim.kind} "${claim.claim}"`)
      : undefined;
  if (deliveredUnsupported !== undefined && deliveredUnsupported.length > 0)
    reasons.push(`delivered reply claims what its articles do not: ${deliveredUnsupported.join(', ')}`);
  const assertions = await gradeAssertions(expect, {
    reply,
    question: turn.customer,
    lang,
    cost: reply?.cost ?? 0,
    judge: target.judge,
  });
  for (const result of assertions) if (!result.pass) reasons.push(`${result.assertion}: ${result.reason}`);
  const passed =
    actionOk &&
    (accuracy?.pass ?? true) &&
    (politeness?.pass ?? true) &&
    (safety?.pass ?? true) &&
    (deliveredUnsupported?.length ?? 0) === 0 &&
    assertions.every((result) => result.pass);
  return {
    customer: turn.customer,
    expect,
    reply,
    actionOk,
    politeness,
    accuracy,
    judge,
    retrievalRank,
    passed,
    reasons,
    ...(safety === undefined ? {} : { safety }),
    ...(model === undefined ? {} : { model }),
    ...(deliveredUnsupported === undefined ? {} : { deliveredUnsupported }),
    ...(assertions.length === 0 ? {} : { assertions }),
  };
}

async function runCase(target: EvalTarget, suite: string, entry: EvalCase, repeat: number): Promise<CaseResult> {
  const lang = entry.lang ?? detectLanguage(entry.turns[0]?.customer ?? '');
  const conversationId = await target.open(entry.lang, `${suite}/${entry.id}#${repeat}`);
  const turns: TurnResult[] = [];
  for (const turn of entry.turns) {
    const firstReply = !turns.some((previous) => previous.reply !== null);
    turns.push(await runTurn(target, conversationId, turn, lang, firstReply, entry.attack !== undefined));
  }
  return {
    id: entry.id,
    suite,
    lang: entry.lang,
    tags: entry.tags,
    mustPass: entry.mustPass,
    repeat,
    turns,
    passed: turns.every((turn) => turn.passed),
  };
}

/** Runs every case `repeat` times with at most `concurrency` cases in flight. */
export async function runEval(
  suites: readonly EvalSuite[],
  target: EvalTarget,
  options: { repeat?: number; concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<CaseResult[]> {
  const jobs = suites.flatMap((suite) =>
    suite.cases.flatMap((entry) =>
      Array.from({ length: options.repeat ?? 1 }, (_, repeat) => ({ suite: suite.suite, entry, repeat })),
    ),
  );
  const results = new Array<CaseResult>(jobs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (;;) {
      const index = next;
      next += 1;
      const job = jobs[index];
      if (job === undefined) return;
      results[index] = await runCase(target, job.suite, job.entry, job.repeat);
      done += 1;
      options.onProgress?.(done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return results;
}
