// The reply pipeline: language, context, retrieval, confidence, decision, composition, groundedness.
// Only wires the policies in this folder together; any failure becomes a handoff with reason `error`. Runtime: any.
import type { Citation, ReplyMeta, ReplyVerification } from '../conversation/conversation.ts';
import type { Logger } from '../ports/logger.ts';
import type { AnswerComposer } from '../ports/answer-composer.ts';
import type { Reply, ReplyRequest } from '../ports/reply-generator.ts';
import type { Chunk } from '../knowledge/chunk.ts';
import type { HybridRetriever, RetrievalResult, ScoredArticle } from '../retrieval/hybrid-retriever.ts';
import type { KnowledgeIndex } from '../retrieval/knowledge-index.ts';
import { hash32 } from '../text/hash.ts';
import { detectLanguage, readsAsRussian } from '../text/language.ts';
import { canonicalWord } from '../text/lexicon.ts';
import { latinKeysToCyrillic } from '../text/keyboard-layout.ts';
import { stem } from '../text/stem.ts';
import { isStopword } from '../text/stopwords.ts';
import { toCyrillic } from '../text/transliterate.ts';
import type { Lang } from '../text/lang.ts';
import {
  finalConfidence,
  inScopeProbability,
  NO_MATCH,
  retrievalComponents,
  retrievalConfidence,
  type ConfidenceWeights,
  type RetrievalComponents,
} from './confidence.ts';
import { reorder, type SearchAssist } from '../retrieval/search-assist.ts';
import { decide, type Decision, type DecisionThresholds } from './decide.ts';
import { followUpContext, isVague } from './follow-up.ts';
import { groundedness } from './groundedness.ts';
import { composeOffline, type ComposeInput } from './offline-composer.ts';
import { assessMessage, type HandoffSignals, type HandoffThresholds } from '../handoff/handoff-policy.ts';
import { clarifyText, greetingText, handoffText } from './customer-texts.ts';
import { handoffExit, type HandoffExit } from './handoff-exits.ts';
import type { IntakeKind } from '../intake/intake-kinds.ts';
import { reportsProblem } from './problem-signals.ts';
import { absentTerms, type Vocabulary } from './absent-terms.ts';
import { clarifyOptions, optionChoice, type ArticleByTitle, type OptionChoice } from './option-choice.ts';
import { queryTerms } from '../text/terms.ts';

/** The model's help with retrieval, and when to use it. */
export interface SearchOptions {
  readonly assist: SearchAssist;
  /** Rewrite follow-ups into standalone queries. */
  readonly rewrite: boolean;
  /** Rerank when the offline search is unsure (`auto`), for every message (`always`), or never. */
  readonly rerank: 'auto' | 'always' | 'off';
}

export interface ReplyPipelineOptions {
  readonly index: KnowledgeIndex;
  readonly search?: SearchOptions | undefined;
  readonly retriever: HybridRetriever;
  readonly weights: ConfidenceWeights;
  readonly thresholds: DecisionThresholds;
  /** Replies whose groundedness falls below this are not sent as answers. */
  readonly minGroundedness: number;
  readonly composer?: AnswerComposer | undefined;
  readonly logger?: Pick<Logger, 'warn'> | undefined;
  readonly handoffThresholds?: HandoffThresholds | undefined;
}

const citationOf = (article: ScoredArticle): Citation => ({
  articleId: article.articleId,
  title: article.title,
  url: article.url,
});

export class ReplyPipeline {
  private readonly chunksByArticle = new Map<string, Chunk[]>();
  private readonly vocabulary: Vocabulary;
  private readonly articlesByTitle = new Map<string, { readonly articleId: string; readonly lang: Lang }>();
  private readonly articleByTitle: ArticleByTitle = (title) => this.articlesByTitle.get(title);
  /** What a person will need for each article's topic (`collect:`), for a handoff's intake. */
  private readonly collectByArticle = new Map<string, readonly IntakeKind[]>();

  constructor(private readonly options: ReplyPipelineOptions) {
    const lexical = options.index.lexical;
    this.vocabulary = {
      has: (term) => lexical.has(term),
      relatives: (term) =>
        lexical
          .expand([{ term, weight: 1 }])
          .slice(1)
          .map((entry) => entry.term),
    };
    for (const article of options.index.manifest.articles)
      if (article.collect !== undefined) this.collectByArticle.set(article.id, article.collect);
    for (const chunk of options.index.chunks) {
      const list = this.chunksByArticle.get(chunk.articleId) ?? [];
      list.push(chunk);
      this.chunksByArticle.set(chunk.articleId, list);
      if (!this.articlesByTitle.has(chunk.title))
        this.articlesByTitle.set(chunk.title, { articleId: chunk.articleId, lang: chunk.lang });
    }
  }

  /** Always resolves: an exception anywhere inside becomes a handoff with reason `error`. */
  async reply(request: ReplyRequest): Promise<Reply> {
    try {
      const choice = this.choiceOf(request);
      const lang = choice?.lang ?? this.languageOf(request.text, request.conversation.lang ?? 'ru');
      return await this.replyOrThrow(request, lang, choice);
    } catch (error) {
      return this.failed(request, error);
    }
  }

  /** The message's language: by script, except that Russian typed in Latin letters (transliterated, or in the wrong layout) is Russian. */
  private languageOf(text: string, fallback: Lang): Lang {
    const lang = detectLanguage(text, fallback);
    if (lang !== 'en') return lang;
    const { lexical } = this.options.index;
    const known = (word: string) => isStopword(word) || lexical.has(stem(canonicalWord(word)));
    return readsAsRussian(text, known, { transliterate: toCyrillic, layout: latinKeysToCyrillic }) ? 'ru' : 'en';
  }

  /** The option a customer's reply picks from the clarifying question right before it, if it picks one. */
  private choiceOf(request: ReplyRequest): OptionChoice | undefined {
    if (request.purpose !== undefined && request.purpose !== 'customer') return undefined;
    const choice = optionChoice(request, this.articleByTitle);
    // An option whose article has left the knowledge base is no answer: the message is read as it is.
    return choice !== undefined && this.chunksByArticle.has(choice.option.articleId) ? choice : undefined;
  }

  /** The handoff with reason `error`, for a reply that could not be produced (also when a worker thread died). */
  failed(request: ReplyRequest, error: unknown): Reply {
    const lang = detectLanguage(request.text, request.conversation.lang ?? 'ru');
    const exit = handoffExit({ at: 'failure' }) as HandoffExit;
    return this.handoff({ request, lang, exit, components: { ...NO_MATCH, error: 1 }, score: 0, error });
  }

  private async replyOrThrow(request: ReplyRequest, lang: Lang, choice?: OptionChoice): Promise<Reply> {
    const { options } = this;
    // A picked option answers the question the clarifying question was about, found as it was then.
    const question = choice?.question.text ?? request.text;
    const seed = hash32(`${request.conversation.id}:${request.history.length}`);
    const drafting = request.purpose === 'draft' || request.purpose === 'draft-probe';
    const firstReply = !request.history.some((message) => message.role === (drafting ? 'agent' : 'bot'));
    // A pick ("2") says nothing of the customer's mood: the question it settles does.
    const assessment = assessMessage(choice?.history ?? request.history, question, options.handoffThresholds);
    const detected = handoffExit({ at: 'message', assessment, drafting });
    if (detected !== undefined && choice === undefined)
      return this.handoff({ request, lang, exit: detected, components: {}, score: 0, signals: assessment.signals });
    const searched = await this.search(
      choice === undefined ? request : { ...request, text: question, history: choice.history },
      lang,
      drafting,
    );
    const { retrieval, reranked, context } = searched;
    // The customer's pick settles what the close candidates left open: the topic is no longer in doubt.
    const components = choice === undefined ? searched.components : { ...searched.components, choice: 1 };
    const confidence =
      choice === undefined ? searched.confidence : Math.max(searched.confidence, options.thresholds.answer);
    if (retrieval.lexicalOnly === true)
      options.logger?.warn(
        { conversationId: request.conversation.id, requestId: request.requestId },
        'the query could not be embedded in time; lexical retrieval only',
      );
    // When the model has ranked the candidates, it has chosen between close ones: no clarifying question.
    const decided: Decision =
      choice === undefined
        ? decide(
            { articles: retrieval.articles, confidence, vague: isVague(request.text) && context === undefined },
            reranked ? { ...options.thresholds, clarifyMargin: -1 } : options.thresholds,
          )
        : { action: 'answer', article: this.chosenArticle(choice, retrieval) };
    const decision = drafting ? draftDecision(decided) : decided;

    if (decision.action === 'handoff') {
      const exit = handoffExit({ at: 'retrieval', decision, citationOf });
      if (exit === undefined) throw new Error('a handoff decision always ends the reply');
      return {
        ...this.handoff({ request, lang, exit, components: { ...components }, score: confidence }),
        signals: assessment.signals,
      };
    }
    if (decision.action === 'clarify' || decision.action === 'clarify-vague') {
      const options = decision.action === 'clarify' ? decision.options : [];
      const greeting = greetingText({ lang, seed, firstReply, name: request.conversation.customer.name });
      const text = clarifyText({
        lang,
        seed,
        greeting,
        vague: decision.action === 'clarify-vague',
        titles: options.map((article) => article.title),
      });
      request.onToken?.(text);
      return {
        text,
        meta: {
          action: 'clarify',
          citations: options.map(citationOf),
          options: clarifyOptions(options),
          confidence: { score: confidence, components: { ...components, groundedness: 1 } },
          lang,
          composer: 'offline',
        },
      };
    }

    const composeInput: ComposeInput = {
      lang,
      article: decision.article,
      articleChunks: this.chunksByArticle.get(decision.article.articleId) ?? [],
      firstReply,
      customerName: request.conversation.customer.name,
      // Apologise once per conversation at most: later turns acknowledge instead. Upset customers hear empathy first.
      problem: (firstReply && reportsProblem(question)) || assessment.empathy,
      seed,
      question,
      draft: drafting,
      questionTerms: (retrieval.terms ?? options.index.lexical.expand(queryTerms(question)))
        .filter((entry) => entry.weight >= 0.5)
        .map((entry) => entry.term),
      absent: absentTerms(question, this.chunksByArticle.get(decision.article.articleId) ?? [], this.vocabulary),
    };
    const llm =
      request.purpose === 'draft-probe'
        ? undefined
        : await options.composer?.compose({
            ...composeInput,
            question,
            conversationId: request.conversation.id,
            requestId: request.requestId,
            history: request.history,
            articles: choice === undefined ? retrieval.articles.slice(0, 3) : [decision.article],
            onToken: request.onToken,
          });
    if (llm?.kind === 'needs-human') {
      const exit = handoffExit({ at: 'model', composition: llm });
      if (exit === undefined) throw new Error('a model asking for a person always ends the reply');
      return this.handoff({
        request,
        lang,
        exit,
        components: { ...components, selfAssessment: llm.selfAssessment },
        score: confidence,
      });
    }
    if (llm?.kind === 'answer') {
      const score = finalConfidence(confidence, llm.verification.score, llm.selfAssessment);
      const allComponents = { ...components, groundedness: llm.verification.score, selfAssessment: llm.selfAssessment };
      const citations = this.citationsByIds(llm.citations, retrieval.articles, decision.article);
      return {
        text: llm.text,
        meta: {
          action: 'answer',
          citations,
          confidence: { score, components: allComponents },
          lang,
          composer: 'llm',
          verification: llm.verification,
        },
        signals: assessment.signals,
      };
    }
    // The offline answer: all of it, or after the verified sentences the customer already has.
    const continuing = llm !== undefined && llm.emitted !== '';
    const composed = composeOffline(
      continuing ? { ...composeInput, firstReply: false, continuation: true } : composeInput,
    );
    const grounded = groundedness(composed.text, composed.sources, composed.exempt);
    const score = finalConfidence(confidence, grounded.score);
    const allComponents = { ...components, groundedness: grounded.score };
    const ungrounded = handoffExit({ at: 'grounding', groundedness: grounded.score, minimum: options.minGroundedness });
    if (ungrounded !== undefined)
      return this.handoff({ request, lang, exit: ungrounded, components: allComponents, score });
    const addition = continuing ? `\n\n${composed.text}` : composed.text;
    request.onToken?.(addition);
    const text = continuing ? `${llm.emitted}${addition}` : composed.text;
    const verification: ReplyVerification | undefined =
      llm === undefined ? undefined : { ...llm.verification, outcome: 'replaced', reason: llm.reason };
    return {
      text,
      meta: {
        action: 'answer',
        citations: [citationOf(decision.article)],
        confidence: { score, components: allComponents },
        lang,
        composer: 'offline',
        ...(verification === undefined ? {} : { verification }),
      },
      signals: assessment.signals,
    };
  }

  /** The picked option's article as the question's search scored it, or unscored when the search missed it now. */
  private chosenArticle(choice: OptionChoice, retrieval: RetrievalResult): ScoredArticle {
    const found = retrieval.articles.find((article) => article.articleId === choice.option.articleId);
    if (found !== undefined) return found;
    const [first] = this.chunksByArticle.get(choice.option.articleId) ?? [];
    if (first === undefined) throw new Error(`article ${choice.option.articleId} is not in the knowledge base`);
    const none = { dense: 0, denseRank: null, lexical: 0, lexicalRank: null, fused: 0 };
    const { articleId, title, url, lang, handoff } = first;
    return { articleId, title, url, lang, handoff, scores: none, chunks: [] };
  }

  private citationsByIds(
    ids: readonly string[],
    articles: readonly ScoredArticle[],
    fallback: ScoredArticle,
  ): Citation[] {
    const cited = articles.filter((article) => ids.includes(article.articleId)).map(citationOf);
    return cited.length > 0 ? cited : [citationOf(fallback)];
  }

  /**
   * Retrieval for the message: with a model, a follow-up is first rewritten into a standalone query, and an
   * unsure result is reranked; both within their deadline, the offline search standing on any failure.
   */
  private async search(
    request: ReplyRequest,
    lang: Lang,
    drafting: boolean,
  ): Promise<{
    retrieval: RetrievalResult;
    components: RetrievalComponents;
    confidence: number;
    reranked: boolean;
    context: string | undefined;
  }> {
    const { options } = this;
    const search = drafting ? undefined : options.search;
    const rewritten =
      search?.rewrite === true && request.history.some((message) => message.role === 'customer')
        ? await search.assist.rewrite(request.text, request.history)
        : undefined;
    const query = rewritten ?? request.text;
    const context = rewritten === undefined ? followUpContext(request.history, request.text) : undefined;
    let retrieval = await options.retriever.retrieve(query, { k: 20, lang, context });
    let components = retrievalComponents(retrieval, options.index.lexical, context);
    let confidence = retrievalConfidence(components, options.weights);
    const unsure = confidence < options.thresholds.answer && retrieval.articles.length >= 2;
    if (search === undefined || search.rerank === 'off' || (search.rerank === 'auto' && !unsure))
      return { retrieval, components, confidence, reranked: false, context };
    const ranking = await search.assist.rerank(
      query,
      retrieval.articles.filter((article) => !article.handoff || article === retrieval.articles[0]),
    );
    if (ranking === undefined) return { retrieval, components, confidence, reranked: false, context };
    retrieval = { ...retrieval, articles: reorder(retrieval.articles, ranking) };
    components = retrievalComponents(retrieval, options.index.lexical, context);
    // The model judged which article answers; whether the knowledge base covers the question at all is still ours to say.
    confidence = inScopeProbability(components, options.weights);
    return { retrieval, components, confidence, reranked: true, context };
  }

  /** What a person will need, from the articles the handoff and the bot's earlier answers cited (intake). */
  private collectFor(citations: readonly Citation[]): IntakeKind[] {
    return [...new Set(citations.flatMap((citation) => this.collectByArticle.get(citation.articleId) ?? []))];
  }

  /** The reply that passes the conversation to a person, for the reasons the checkpoint gave. */
  private handoff(input: {
    readonly request: ReplyRequest;
    readonly lang: Lang;
    readonly exit: HandoffExit;
    readonly components: Readonly<Record<string, number>>;
    readonly score: number;
    readonly error?: unknown;
    readonly signals?: HandoffSignals | undefined;
  }): Reply {
    const { request, lang, exit } = input;
    const seed = hash32(`${request.conversation.id}:${request.history.length}`);
    const firstReply = !request.history.some((message) => message.role === 'bot');
    const greeting = greetingText({ lang, seed, firstReply, name: request.conversation.customer.name });
    const risk = input.signals?.sensitive.some((match) => match.kind === 'risk') === true;
    const text = handoffText({ lang, seed, greeting, reason: exit.reasons[0], risk });
    request.onToken?.(text);
    const collect = this.collectFor([
      ...exit.citations,
      ...request.history.flatMap((message) => (message.role === 'bot' ? (message.reply?.citations ?? []) : [])),
    ]);
    const meta: ReplyMeta = {
      action: 'handoff',
      citations: exit.citations,
      confidence: { score: input.score, components: input.components },
      lang,
      reasons: exit.reasons,
      composer: 'offline',
      ...(collect.length === 0 ? {} : { collect }),
    };
    const reply: Reply = input.error === undefined ? { text, meta } : { text, meta, error: input.error };
    return input.signals === undefined ? reply : { ...reply, signals: input.signals };
  }
}

/** For a draft, the agent gets the best-supported article's answer instead of a question or a handoff. */
function draftDecision(decision: Decision): Decision {
  if (decision.action === 'clarify' && decision.options[0] !== undefined)
    return { action: 'answer', article: decision.options[0] };
  if (decision.action === 'handoff' && decision.reason === 'sensitive' && decision.article !== undefined)
    return { action: 'answer', article: decision.article };
  return decision;
}
