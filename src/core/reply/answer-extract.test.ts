import { describe, expect, it } from 'vitest';
import type { Chunk } from '../knowledge/chunk.ts';
import { ANSWER_CHARS, asksHow, extractAnswer } from './answer-extract.ts';

const chunk = (index: number, heading: string | undefined, text: string): Chunk => ({
  id: `visit#${index}`,
  articleId: 'visit',
  title: 'Как вызвать мастера и сколько стоит выезд',
  headingPath:
    heading === undefined
      ? ['Как вызвать мастера и сколько стоит выезд']
      : ['Как вызвать мастера и сколько стоит выезд', heading],
  lang: 'ru',
  handoff: false,
  tags: [],
  text,
  tokens: 0,
});

const article = [
  chunk(
    0,
    undefined,
    'Вызвать мастера можно в личном кабинете или по телефону 8 800 555-35-35. Выезд бесплатный, если неисправность на стороне «Кометы», в остальных случаях он стоит 700 ₽.',
  ),
  chunk(
    1,
    'Как записаться на визит мастера',
    '1. Откройте личный кабинет.\n2. Перейдите в «Поддержка → Вызвать мастера».\n3. Выберите дату и окно визита.\nБлижайшее свободное окно обычно на следующий день.',
  ),
  chunk(
    2,
    'Как проходит визит мастера',
    'За 30 минут до приезда мастер позвонит. Дома должен быть совершеннолетний человек, который обеспечит доступ к роутеру.',
  ),
  chunk(
    3,
    'Как перенести визит',
    'Перенести визит можно бесплатно не позднее чем за 2 часа до начала окна в разделе «Поддержка → Мои заявки».',
  ),
];

describe('extractAnswer', () => {
  it('answers a price question with the sentence that has the amount, at chat length', () => {
    const answer = extractAnswer({ question: 'сколько стоит выезд мастера?', chunks: article });
    expect(answer.sentences.join(' ')).toContain('700 ₽');
    expect(answer.steps).toEqual([]);
    expect(answer.sentences.join(' ').length).toBeLessThanOrEqual(ANSWER_CHARS + 200);
    expect(answer.partial).toBe(true);
  });

  it('quotes the numbered steps of the section a how-question is about', () => {
    const answer = extractAnswer({ question: 'как записаться на визит мастера?', chunks: article });
    expect(answer.steps).toEqual(
      [
        '1. Откройте личный кабинет.',
        '2. Перейдите в «Поддержка → Вызвать мастера».',
        '3. Выберите дату и окно визита.',
      ].map((step) => step.replace(/^\d\. /, '')),
    );
    expect(answer.sources).toEqual([...answer.sentences, ...answer.steps]);
  });

  it('answers each part of a two-part question', () => {
    const answer = extractAnswer({ question: 'как перенести визит и когда мастер позвонит?', chunks: article });
    const text = answer.sentences.join(' ');
    expect(text).toContain('2 часа');
    expect(text).toContain('30 минут');
  });

  it('answers a question about what the whole article covers with its first sentence, and adds nothing it already says', () => {
    const title = 'Тарифы на домашний интернет и их стоимость';
    const plans = [
      {
        ...chunk(
          0,
          undefined,
          'У нас три тарифа: «Старт» (100 Мбит/с, 490 ₽ в месяц), «Оптима» (500 Мбит/с, 690 ₽) и «Максимум» (1 Гбит/с, 990 ₽).',
        ),
        title,
        headingPath: [title],
      },
      {
        ...chunk(1, 'Тариф «Старт» — 490 ₽ в месяц', 'Скорость до 100 Мбит/с, только интернет.'),
        title,
        headingPath: [title, 'Тариф «Старт» — 490 ₽ в месяц'],
      },
      {
        ...chunk(
          2,
          'Как выбрать тариф',
          'Нужен только недорогой интернет — «Старт». На домашних тарифах статический IP-адрес стоит 150 ₽ в месяц.',
        ),
        title,
        headingPath: [title, 'Как выбрать тариф'],
      },
    ];
    const { sentences } = extractAnswer({ question: 'Сколько стоят ваши тарифы на интернет?', chunks: plans });
    expect(sentences[0]).toBe(plans[0]?.text);
    expect(sentences).not.toContain('Тариф «Старт» — 490 ₽ в месяц.');
    expect(sentences.join(' ')).not.toContain('150 ₽');
  });

  it('keeps a step whole, with the sentences that go on with it, and never answers with a question', () => {
    const reset = [
      chunk(0, undefined, 'Забыли пароль? Восстановить его можно за пару минут по коду из SMS.'),
      chunk(
        1,
        'Как восстановить пароль',
        '1. Нажмите «Забыли пароль?».\n2. Введите код из SMS. Код действует 5 минут.\n3. Задайте новый пароль.',
      ),
    ];
    const answer = extractAnswer({ question: 'как восстановить пароль?', chunks: reset });
    expect(answer.steps).toEqual([
      'Нажмите «Забыли пароль?».',
      'Введите код из SMS. Код действует 5 минут.',
      'Задайте новый пароль.',
    ]);
    expect(answer.sentences[0]).toBe('Восстановить его можно за пару минут по коду из SMS.');
  });

  it('uses the vocabulary’s readings of misspelt words', () => {
    const plain = extractAnswer({ question: 'пиренести визет', chunks: article });
    const read = extractAnswer({ question: 'пиренести визет', chunks: article, expanded: ['перенест', 'визит'] });
    expect(read.sentences[0]).toContain('Перенести визит');
    expect(plain.sentences[0]).not.toContain('Перенести визит');
  });
});

describe('asksHow', () => {
  it('tells "how do I" from "how much" and "how long", in both languages', () => {
    expect(asksHow('как сменить пароль')).toBe(true);
    expect(asksHow('how do I reset my password')).toBe(true);
    expect(asksHow('как долго идёт платёж')).toBe(false);
    expect(asksHow('how much is the Optima plan')).toBe(false);
    expect(asksHow('how long does a refund take')).toBe(false);
  });
});
