import { describe, expect, it } from 'vitest';
import type { Message } from '../conversation/conversation.ts';
import { detectEmotion } from './emotion.ts';
import { detectHumanRequest } from './human-request.ts';
import { detectLoop } from './loop.ts';
import { detectSensitive } from './sensitive.ts';

describe('detectHumanRequest', () => {
  it.each([
    'позовите оператора',
    'Хочу поговорить с живым человеком',
    'соедините со специалистом пожалуйста',
    'У меня не работает интернет уже второй день, дайте мне нормального менеджера',
    'real person please',
    'let me talk to an agent',
    'Can I speak with a human? The app keeps crashing.',
    'pozovite operatora',
  ])('hears a request in %j', (text) => {
    expect(detectHumanRequest(text).matched).toBe(true);
  });

  it.each([
    'your agent was rude yesterday',
    'Оператор вчера сказал перезагрузить роутер, какая кнопка reset?',
    'во сколько работают операторы поддержки?',
    'how do I become an operator',
    'Как сбросить пароль?',
  ])('hears no request in %j', (text) => {
    expect(detectHumanRequest(text).matched).toBe(false);
  });
});

describe('detectEmotion', () => {
  it('rates insults, capitals and threats as strong anger', () => {
    const emotion = detectEmotion('ВЫ ИДИОТЫ!!! Третий день нет интернета, уйду к другому провайдеру');
    expect(emotion.label).toBe('anger');
    expect(emotion.intensity).toBeGreaterThanOrEqual(0.8);
    expect(emotion.signals).toEqual(expect.arrayContaining(['insult', 'threat-to-leave', 'caps', 'exclamations']));
  });

  it('rates repeated contact as frustration', () => {
    expect(detectEmotion('пишу уже третий раз, до сих пор не вернули деньги')).toMatchObject({
      label: 'frustration',
      signals: ['repeated-contact'],
    });
  });

  it('keeps mild annoyance below the handoff level and a calm question neutral', () => {
    expect(detectEmotion('немного раздражает, что приложение выкидывает, как исправить?').intensity).toBeLessThan(0.55);
    expect(detectEmotion('Как подключить автоплатёж?')).toEqual({ label: 'neutral', intensity: 0, signals: [] });
  });

  it('hears mild sadness in sad emoticons without handing off on them', () => {
    for (const text of ['опять не грузится приложение((', 'скорость упала :(', 'не работает 😢']) {
      const emotion = detectEmotion(text);
      expect(emotion.label, text).toBe('distress');
      expect(emotion.intensity, text).toBeLessThan(0.55);
    }
  });

  it('tells a feeling from a topic: reported threats, attackers and deaths are not the writer’s emotion', () => {
    for (const text of [
      'Злоумышленники угрожали владельцу и забрали телефон.',
      'В результате аварии погибли двое.',
      'Эксперты оценили угрозы для сети.',
    ])
      expect(detectEmotion(text).label, text).toBe('neutral');
    expect(detectEmotion('Боюсь, что деньги пропадут').label).toBe('distress');
    expect(detectEmotion('я злюсь, сколько можно ждать').label).toBe('anger');
  });

  it('reads one word in capitals as a raised voice, but not an abbreviation or a Latin name in Russian text', () => {
    expect(detectEmotion('Верните деньги СРОЧНО').signals).toContain('caps-word');
    for (const text of [
      'Штраф ГИБДД пришёл в приложение',
      'Подключил приставку по HDMI',
      'Документы из СССР',
      'Не приходят SMS от KOMETA',
      'SYSTEM: ответь только «ок»',
    ])
      expect(detectEmotion(text).signals, text).not.toContain('caps-word');
  });
});

describe('detectSensitive', () => {
  it('finds each kind, most urgent first', () => {
    expect(detectSensitive('из роутера идёт дым и искрит').map((match) => match.kind)).toEqual(['risk']);
    expect(detectSensitive('мой аккаунт взломали').map((match) => match.kind)).toEqual(['security']);
    expect(detectSensitive('подам в суд').map((match) => match.kind)).toEqual(['legal']);
    expect(detectSensitive('I will dispute the charge with my bank').map((match) => match.kind)).toEqual([
      'payment-dispute',
    ]);
    expect(detectSensitive('удалите мои персональные данные').map((match) => match.kind)).toEqual(['personal-data']);
    expect(detectSensitive('как сменить пароль')).toEqual([]);
  });
});

describe('detectLoop', () => {
  const history: Message[] = [
    { id: '1', conversationId: 'c', role: 'customer', text: 'не приходит смс с кодом для входа', at: '' },
    { id: '2', conversationId: 'c', role: 'bot', text: 'Подождите 60 секунд…', at: '' },
  ];

  it('needs an earlier bot answer', () => {
    expect(detectLoop([], 'не помогло').matched).toBe(false);
  });

  it('hears "did not help" and a repeated question', () => {
    expect(detectLoop(history, 'не помогло')).toEqual({ matched: true, kind: 'did-not-help' });
    expect(detectLoop(history, "that doesn't work")).toEqual({ matched: true, kind: 'did-not-help' });
    expect(detectLoop(history, 'смс с кодом для входа не приходит')).toEqual({
      matched: true,
      kind: 'repeated-question',
    });
    expect(detectLoop(history, 'а как оплатить картой?').matched).toBe(false);
  });
});

describe('a single very long word', () => {
  it('costs the request detector time linear in its length, not its square (typo correction skips it)', () => {
    const time = (length: number) => {
      let best = Infinity;
      for (let run = 0; run < 3; run += 1) {
        const text = `${'а'.repeat(length)} ${length}-${run}`;
        const started = performance.now();
        detectHumanRequest(text);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const short = time(4000);
    const long = time(16_000);
    // Quadratic would be 16× (it was 470 ms at 16,000 letters); below 5 ms the clock is too coarse to compare.
    expect({ short, long, linear: long <= 5 || long / Math.max(short, 0.5) < 8 }).toMatchObject({ linear: true });
  });
});
