// The handoff summary for the agent, built only from sentences of the transcript (extractive), so it can
// never state anything the customer or the bot did not write. Runtime: any.
import type { Message } from '../conversation/conversation.ts';
import type { TicketSummary } from '../queue/ticket.ts';
import { isCourtesy } from '../reply/courtesy.ts';
import { sentencesOf } from '../reply/groundedness.ts';
import { contentTerms } from '../text/terms.ts';
import type { Emotion } from './emotion.ts';
import { detectHumanRequest } from './human-request.ts';

const MAX_SENTENCE = 240;

function clip(sentence: string): string {
  return sentence.length <= MAX_SENTENCE ? sentence : `${sentence.slice(0, MAX_SENTENCE - 1).trimEnd()}…`;
}

/** Sentences that say something: not a bare greeting or thanks, with at least one content word. */
function meaningful(text: string): string[] {
  return sentencesOf(text).filter((sentence) => !isCourtesy(sentence) && contentTerms(sentence).length > 0);
}

/** The sentences that describe the problem: meaningful ones, without "give me a person" (the reason says that). */
function problemSentences(text: string): string[] {
  const sentences = meaningful(text);
  const withoutRequests = sentences.filter((sentence) => !detectHumanRequest(sentence).matched);
  return withoutRequests.length > 0 ? withoutRequests : sentences;
}

/** Content words of a message's problem sentences, to tell a follow-up on the same topic from a new question. */
function topicOf(message: Message): Set<string> {
  return new Set(problemSentences(message.text).flatMap((sentence) => contentTerms(sentence)));
}

/**
 * The customer message that states the problem the agent must solve: the newest one with content (the one that led
 * to the handoff, unless it only asks for a person), walked back to where its topic began, so a follow-up such as
 * "did that, still nothing" keeps the original question while a new question after an answered one heads the summary.
 */
function problemMessage(customer: readonly Message[]): Message | undefined {
  const withContent = customer.filter((message) =>
    problemSentences(message.text).some((sentence) => !detectHumanRequest(sentence).matched),
  );
  let index = withContent.length - 1;
  if (index < 0) return customer.find((message) => meaningful(message.text).length > 0);
  const topic = topicOf(withContent[index] as Message);
  while (index > 0) {
    const earlier = topicOf(withContent[index - 1] as Message);
    if (![...earlier].some((term) => topic.has(term))) break;
    for (const term of earlier) topic.add(term);
    index -= 1;
  }
  return withContent[index];
}

/** Customer messages no bot answer followed (the bot clarified, handed off, or has not replied yet). */
function unansweredMessages(transcript: readonly Message[]): Message[] {
  return transcript.filter((message, index) => {
    if (message.role !== 'customer') return false;
    const next = transcript.slice(index + 1).find((entry) => entry.role !== 'customer');
    return next === undefined || next.role !== 'bot' || next.reply?.action !== 'answer';
  });
}

export function extractiveSummary(transcript: readonly Message[], mood: Emotion): TicketSummary {
  const customer = transcript.filter((message) => message.role === 'customer');
  const bot = transcript.filter((message) => message.role === 'bot');
  const chosen = problemMessage(customer);
  const problem =
    chosen === undefined ? (customer[0]?.text ?? '') : problemSentences(chosen.text).slice(0, 2).map(clip).join(' ');
  const firstBotIndex = transcript.findIndex((message) => message.role === 'bot');
  const afterBot =
    firstBotIndex === -1 ? [] : transcript.slice(firstBotIndex + 1).filter((message) => message.role === 'customer');
  const unanswered = unansweredMessages(transcript);
  const asked = unanswered.flatMap((message) => sentencesOf(message.text).filter((sentence) => sentence.includes('?')));
  // A question put without a question mark ("can't pay by card, call a person") is still what nobody answered.
  const openQuestions =
    asked.length > 0 || chosen === undefined || !unanswered.includes(chosen)
      ? asked
      : problemSentences(chosen.text)
          .filter((sentence) => !detectHumanRequest(sentence).matched)
          .slice(0, 1);
  const citedArticles = [
    ...new Set(bot.flatMap((message) => message.reply?.citations.map((citation) => citation.title) ?? [])),
  ];
  return {
    problem: clip(problem),
    botSaid: bot
      .map((message) => meaningful(message.text)[0])
      .filter((sentence): sentence is string => sentence !== undefined)
      .slice(-3)
      .map(clip),
    citedArticles,
    customerAnswered: afterBot.slice(-3).map((message) => clip(message.text.trim())),
    mood: { label: mood.label, intensity: mood.intensity },
    openQuestions: openQuestions.slice(-3).map(clip),
    source: 'extractive',
  };
}
