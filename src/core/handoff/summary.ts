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

export function extractiveSummary(transcript: readonly Message[], mood: Emotion): TicketSummary {
  const customer = transcript.filter((message) => message.role === 'customer');
  const bot = transcript.filter((message) => message.role === 'bot');
  const firstWithContent =
    customer.find(
      (message) =>
        problemSentences(message.text).length > 0 &&
        problemSentences(message.text).some((sentence) => !detectHumanRequest(sentence).matched),
    ) ?? customer.find((message) => meaningful(message.text).length > 0);
  const problem =
    firstWithContent === undefined
      ? (customer[0]?.text ?? '')
      : problemSentences(firstWithContent.text).slice(0, 2).map(clip).join(' ');
  const firstBotIndex = transcript.findIndex((message) => message.role === 'bot');
  const afterBot =
    firstBotIndex === -1 ? [] : transcript.slice(firstBotIndex + 1).filter((message) => message.role === 'customer');
  const lastBotIndex = transcript.map((message) => message.role).lastIndexOf('bot');
  const unanswered = transcript.slice(lastBotIndex + 1).filter((message) => message.role === 'customer');
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
    openQuestions: unanswered
      .flatMap((message) => sentencesOf(message.text).filter((sentence) => sentence.includes('?')))
      .map(clip),
    source: 'extractive',
  };
}
