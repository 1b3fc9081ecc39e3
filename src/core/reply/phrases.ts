// Every customer-facing sentence the bot writes itself, in Russian (formal «Вы») and English. Runtime: any.
import type { Lang } from '../text/lang.ts';

type Variants = Readonly<Record<Lang, readonly string[]>>;

export const GREETING: Variants = {
  ru: ['Здравствуйте!', 'Добрый день!'],
  en: ['Hello!', 'Hi there!'],
};

export const GREETING_NAMED: Variants = {
  ru: ['Здравствуйте, {name}!', 'Добрый день, {name}!'],
  en: ['Hello, {name}!', 'Hi {name}!'],
};

export const ACKNOWLEDGE: Variants = {
  ru: ['Конечно, подскажу.', 'Сейчас всё объясню.', 'Хороший вопрос, давайте разберёмся.'],
  en: ["Sure, here's how it works.", 'Of course, let me explain.', "Good question — let's sort it out."],
};

/** Used instead of {@link ACKNOWLEDGE} when the customer reports that something went wrong. */
export const APOLOGIZE: Variants = {
  ru: [
    'Извините за неудобства — давайте это исправим.',
    'Сожалею, что так вышло. Давайте разберёмся.',
    'Понимаю, как это неприятно, — подскажу, что делать.',
  ],
  en: [
    "I'm sorry about the trouble — let's fix it.",
    "Sorry this happened. Here's how to sort it out.",
    "I understand how frustrating that is — here's what to do.",
  ],
};

/** Leads into the knowledge-base answer when it follows the first verified sentences of a model's reply. */
export const CONTINUATION: Variants = {
  ru: ['Вот полная инструкция из нашей базы знаний:'],
  en: ['Here are the full steps from our help centre:'],
};

/** What to do if the answer does not help: a person, in this conversation (the bot can really arrange that). */
export const IF_NOT_HELPED_DEFAULT: Variants = {
  ru: [
    'Если не поможет, напишите здесь — я передам вопрос специалисту.',
    'Если не получится, напишите мне здесь — подключу специалиста.',
  ],
  en: [
    "If that doesn't help, write here and I'll pass you to a specialist.",
    "If it still doesn't work, tell me here and I'll bring in a specialist.",
  ],
};

/** When the answer quotes part of an article: where the rest is. */
export const MORE_IN_ARTICLE: Variants = {
  ru: ['Подробнее: {link}'],
  en: ['More details: {link}'],
};

/** A thing the customer named that the knowledge base does not cover, said plainly before what does apply. */
export const ABSENT_NOTICE: Variants = {
  ru: ['«{term}» — об этом в нашей справке ничего нет, поэтому обещать не буду. Вот что действует:'],
  en: ["I have no information about {term}, so I won't promise it. Here is what applies:"],
};

export const CLOSING: Variants = {
  ru: [
    'Спасибо за обращение, был рад помочь!',
    'Спасибо, что написали! Был рад помочь.',
    'Спасибо за вопрос! Если нужно что-то ещё — пишите.',
  ],
  en: [
    'Thanks for reaching out — happy to help!',
    'Thank you for your question! Anything else, just write.',
    'Thanks for asking — glad to help!',
  ],
};

export const CLARIFY: Variants = {
  ru: [
    'Чтобы ответить точно, уточните, пожалуйста, что именно Вас интересует:',
    'Уточните, пожалуйста, о чём Ваш вопрос:',
  ],
  en: [
    'To give you the right answer, could you tell me which of these you mean:',
    'Could you clarify which of these your question is about:',
  ],
};

export const CLARIFY_VAGUE: Variants = {
  ru: [
    'Уточните, пожалуйста: что случилось или что Вы хотите сделать? ' +
      'Например, «не работает интернет» или «как оплатить» — так я смогу сразу помочь.',
  ],
  en: [
    'Could you tell me a little more: what happened, or what would you like to do? ' +
      'For example, "internet is down" or "how do I pay" — then I can help right away.',
  ],
};

export const CLARIFY_CLOSING: Variants = {
  ru: ['Напишите номер варианта или опишите вопрос своими словами.'],
  en: ['Reply with the number of the option or describe your question in your own words.'],
};

export const OUT_OF_SCOPE: Variants = {
  ru: [
    'К сожалению, в моей базе знаний нет ответа на этот вопрос, а гадать я не хочу. ' +
      'Я передаю разговор специалисту — он ответит здесь же, повторять ничего не нужно.',
  ],
  en: [
    "Unfortunately my knowledge base has no answer to this question, and I'd rather not guess. " +
      "I'm passing the conversation to a specialist, who will reply right here — you won't need to repeat anything.",
  ],
};

export const SENSITIVE: Variants = {
  ru: [
    'Этот вопрос решает специалист, ' +
      'поэтому я передаю ему разговор вместе со всей перепиской — повторять ничего не нужно.',
  ],
  en: [
    'This question is handled by a specialist, ' +
      "so I'm passing the conversation to one together with everything you've written — " +
      "you won't need to repeat anything.",
  ],
};

export const HUMAN_REQUESTED: Variants = {
  ru: [
    'Конечно, передаю разговор специалисту вместе со всей перепиской — повторять ничего не нужно.',
    'Хорошо, подключаю специалиста: он увидит всю переписку, повторять ничего не нужно.',
  ],
  en: [
    "Of course — I'm passing the conversation to a specialist with everything you've written, " +
      "so you won't need to repeat anything.",
    "Sure, I'm bringing in a specialist; they will see this whole conversation, so there's no need to repeat anything.",
  ],
};

export const EMOTION_HANDOFF: Variants = {
  ru: [
    'Мне очень жаль, что так получилось, и я понимаю Ваше возмущение. ' +
      'Я передаю обращение специалисту — он разберётся лично, повторять ничего не нужно.',
  ],
  en: [
    "I'm really sorry this happened, and I understand how upsetting it is. " +
      "I'm passing this to a specialist who will deal with it personally — you won't need to repeat anything.",
  ],
};

export const LOOP_HANDOFF: Variants = {
  ru: [
    'Извините, что мои ответы не помогли. ' +
      'Я передаю разговор специалисту вместе со всей перепиской — он продолжит с того места, где мы остановились.',
  ],
  en: [
    "I'm sorry my answers didn't help. " +
      "I'm passing the conversation to a specialist with everything so far — they'll pick up right where we left off.",
  ],
};

export const RISK_NOTICE: Variants = {
  ru: ['Если есть угроза жизни или здоровью, пожалуйста, сразу позвоните по номеру 112.'],
  en: ['If anyone’s life or health is at risk, please call the emergency number 112 right away.'],
};

export const QUEUE_NOTICE: Variants = {
  ru: ['Вы {position}-й в очереди, ожидаемое время ответа — около {minutes} мин.'],
  en: ['You are number {position} in the queue; the expected wait is about {minutes} min.'],
};

export const AFTER_HOURS_NOTICE: Variants = {
  ru: ['Сейчас специалисты не на связи; они ответят здесь же, когда вернутся к работе: {time} ({zone}).'],
  en: ['Our specialists are offline right now; they will reply here when they are back: {time} ({zone}).'],
};

export const PIPELINE_ERROR: Variants = {
  ru: [
    'Извините, у меня не получилось подготовить ответ. ' +
      'Я передаю разговор специалисту — он ответит здесь же, повторять ничего не нужно.',
  ],
  en: [
    "Sorry, I couldn't prepare an answer. " +
      "I'm passing the conversation to a specialist, who will reply right here — you won't need to repeat anything.",
  ],
};

/** Picks a variant deterministically from a seed, so replies vary between turns but tests stay stable. */
export function phrase(
  variants: Variants,
  lang: Lang,
  seed: number,
  values: Readonly<Record<string, string>> = {},
): string {
  const list = variants[lang];
  const template = list[Math.abs(seed) % list.length] ?? list[0] ?? '';
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
