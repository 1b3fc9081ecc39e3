// What the bot says to a message that is only files: it does not open them, so it asks for words and says how to
// reach a person. Promises nothing about the files. Runtime: any.
import type { Message, ReplyMeta } from '../conversation/conversation.ts';
import type { Lang } from '../text/lang.ts';

const TEXT: Record<Lang, string> = {
  en: 'Thank you, the file is attached to our conversation. I cannot look inside files myself: please describe your question in a few words. If you would like a person to see the file, just write that you need a specialist.',
  ru: 'Спасибо, файл прикреплён к нашему разговору. Сам я не умею открывать файлы: опишите, пожалуйста, вопрос парой слов. Если нужно, чтобы файл посмотрел человек, просто напишите, что Вам нужен специалист.',
};

/** The reply's text (streamed at once to `onToken`) and metadata: a clarifying question with no options. */
export function filesOnlyReply(
  lang: Lang,
  onToken?: (text: string) => void,
): { readonly text: string; readonly meta: ReplyMeta } {
  onToken?.(TEXT[lang]);
  return {
    text: TEXT[lang],
    meta: { action: 'clarify', citations: [], confidence: { score: 0, components: {} }, lang, options: [] },
  };
}

/** The conversation's language: as opened, else the bot's last reply's, else Russian. */
export function conversationLang(lang: Lang | null, history: readonly Message[]): Lang {
  return lang ?? history.findLast((message) => message.reply != null)?.reply?.lang ?? 'ru';
}
