// Maps stored records to the API's JSON shapes. Runtime: any.
import type { Message } from '../core/conversation/conversation.ts';

/** `attachments` only for a message that has files: a message without keeps the shape it always had. */
export function attachmentsView(message: Pick<Message, 'attachments'>) {
  const list = message.attachments ?? [];
  return list.length === 0 ? {} : { attachments: list.map(({ id, name, type, bytes }) => ({ id, name, type, bytes })) };
}

export function customerMessageView(message: Message) {
  return { id: message.id, role: 'customer' as const, text: message.text, at: message.at, ...attachmentsView(message) };
}

export function replyView(message: Message) {
  const reply = message.reply;
  return {
    id: message.id,
    role: 'bot' as const,
    text: message.text,
    action: reply?.action ?? 'answer',
    citations: (reply?.citations ?? []).map((citation) => ({
      articleId: citation.articleId,
      title: citation.title,
      ...(citation.url === undefined ? {} : { url: citation.url }),
    })),
    confidence: { score: reply?.confidence.score ?? 0, components: { ...(reply?.confidence.components ?? {}) } },
    lang: reply?.lang ?? 'ru',
    ...(reply?.reasons === undefined ? {} : { reasons: [...reply.reasons] }),
    ...(reply?.options === undefined
      ? {}
      : { options: reply.options.map(({ id, label, articleId }) => ({ id, label, articleId })) }),
    at: message.at,
  };
}

export function messageView(message: Message) {
  if (message.role === 'bot' && message.reply != null) {
    return replyView(message);
  }
  if (message.role === 'agent')
    return {
      id: message.id,
      role: message.role,
      text: message.text,
      at: message.at,
      author: { name: message.author?.name ?? '' },
      ...attachmentsView(message),
    };
  return { id: message.id, role: message.role, text: message.text, at: message.at, ...attachmentsView(message) };
}

/** A message as agents see it: a bot reply also says who wrote it and what the claim check made of the model's answer. */
export function agentMessageView(message: Message) {
  const view = messageView(message);
  const reply = message.role === 'bot' ? message.reply : undefined;
  if (reply == null) return view;
  return {
    ...view,
    composer: reply.composer ?? 'offline',
    ...(reply.verification === undefined ? {} : { verification: reply.verification }),
  };
}
