import { describe, expect, it } from 'vitest';
import { ClaimVerifier } from '../verification/verify.ts';
import { ModelAnswerStream } from './model-answer-stream.ts';
import { VerifiedStream } from './verified-stream.ts';

const verifier = ClaimVerifier.of([
  {
    articleId: 'code',
    heading: 'Код',
    text: 'Код обычно приходит в течение минуты. Если SMS не пришло, подождите 60 секунд и нажмите «Отправить код повторно».',
  },
]);

function streamOf(reply: string, chunk = 3) {
  const sent: string[] = [];
  const stream = new VerifiedStream((text) => sent.push(text));
  stream.open(verifier);
  for (let index = 0; index < reply.length; index += chunk) stream.push(reply.slice(index, index + chunk));
  return { stream, sent };
}

describe('verified stream', () => {
  it('sends whole verified sentences only, and drops the unsupported ones', () => {
    const { stream, sent } = streamOf(
      'Здравствуйте! Код обычно приходит в течение минуты. Услуга стоит 1290 ₽ в месяц.\nПодождите 60 секунд и нажмите «Отправить код повторно». Был рад помочь!',
    );
    // The last sentence is only known to be complete when the reply ends.
    expect(sent).toEqual([
      'Здравствуйте!',
      ' Код обычно приходит в течение минуты.',
      '\nПодождите 60 секунд и нажмите «Отправить код повторно».',
    ]);
    stream.finish();
    expect(stream.emitted).toBe(
      'Здравствуйте! Код обычно приходит в течение минуты.\nПодождите 60 секунд и нажмите «Отправить код повторно». Был рад помочь!',
    );
    expect(sent.join('')).toBe(stream.emitted);
    expect(stream.outcome()).toBe('repaired');
  });

  it('holds courtesy back until a sentence with substance passes, so an empty answer shows nothing', () => {
    const { stream, sent } = streamOf('Здравствуйте! Спасибо за вопрос. Услуга стоит 1290 ₽.');
    stream.finish();
    expect(sent).toEqual([]);
    expect(stream.answered).toBe(false);
  });

  it('sends a reply that only asks the customer a question once it is complete', () => {
    const { stream, sent } = streamOf('Здравствуйте! Уточните, пожалуйста: код не приходит по SMS или на почту?');
    expect(sent).toEqual([]);
    stream.finish();
    expect(stream.answered).toBe(true);
    expect(sent.join('')).toBe('Здравствуйте! Уточните, пожалуйста: код не приходит по SMS или на почту?');
  });

  it('waits for the sources before checking anything', () => {
    const sent: string[] = [];
    const stream = new VerifiedStream((text) => sent.push(text));
    stream.push('Код обычно приходит в течение минуты. Подождите 60 секунд.');
    expect(sent).toEqual([]);
    stream.open(verifier);
    stream.finish();
    expect(sent.join('')).toBe('Код обычно приходит в течение минуты. Подождите 60 секунд.');
  });
});

describe('model answer stream', () => {
  it('knows the citations and needsHuman as soon as each is written, and streams the reply text', () => {
    const raw = JSON.stringify({
      citations: ['a', 'b'],
      needsHuman: false,
      reason: '',
      confidence: 0.8,
      reply: 'Текст "в кавычках"\nи строка',
    });
    const answer = new ModelAnswerStream();
    let text = '';
    let citationsAt = -1;
    for (let index = 0; index < raw.length; index += 4) {
      text += answer.push(raw.slice(index, index + 4));
      if (citationsAt === -1 && answer.citations !== undefined) citationsAt = index;
    }
    expect(answer.citations).toEqual(['a', 'b']);
    expect(citationsAt).toBeLessThan(raw.indexOf('"reply"'));
    expect(answer.needsHuman).toBe(false);
    expect(text).toBe('Текст "в кавычках"\nи строка');
  });
});
