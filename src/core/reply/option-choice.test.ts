import { describe, expect, it } from 'vitest';
import type { ClarifyOption, Message, ReplyMeta } from '../conversation/conversation.ts';
import { chooseOption, clarifyOptions, optionById, optionChoice, pendingClarify } from './option-choice.ts';

const RU = clarifyOptions([
  { articleId: 'order-equipment-ru', title: 'Как заказать роутер или ТВ-приставку — купить или взять в аренду' },
  { articleId: 'wifi-setup-ru', title: 'Как настроить Wi-Fi роутер и сменить пароль от вайфая' },
  { articleId: 'router-lights-ru', title: 'Что означают индикаторы на роутере Kometa AX3000' },
]);
const EN = clarifyOptions([
  { articleId: 'wifi-setup-en', title: 'How to set up your Wi-Fi router and change the Wi-Fi password' },
  { articleId: 'order-equipment-en', title: 'How to order a router or TV box — buy or rent' },
  { articleId: 'router-lights-en', title: 'What the lights on the Kometa AX3000 router mean' },
]);

const picked = (text: string, options: readonly ClarifyOption[]) => chooseOption(text, options)?.articleId;

describe('clarifyOptions', () => {
  it('numbers the options from 1 in the order of the list', () => {
    expect(RU).toEqual([
      { id: '1', label: RU[0]?.label, articleId: 'order-equipment-ru' },
      { id: '2', label: RU[1]?.label, articleId: 'wifi-setup-ru' },
      { id: '3', label: RU[2]?.label, articleId: 'router-lights-ru' },
    ]);
  });
});

describe('chooseOption', () => {
  it.each([
    ['1', 'order-equipment-ru'],
    ['1.', 'order-equipment-ru'],
    ['2)', 'wifi-setup-ru'],
    ['№2', 'wifi-setup-ru'],
    ['вариант 2', 'wifi-setup-ru'],
    ['Вариант №3, пожалуйста', 'router-lights-ru'],
    ['первое', 'order-equipment-ru'],
    ['Второй', 'wifi-setup-ru'],
    ['«второе»', 'wifi-setup-ru'],
    ['давайте третий', 'router-lights-ru'],
    ['2-й', 'wifi-setup-ru'],
    ['последний', 'router-lights-ru'],
    ['мне нужен первый вариант', 'order-equipment-ru'],
  ])('picks a Russian option from %j', (text, articleId) => {
    expect(picked(text, RU)).toBe(articleId);
  });

  it.each([
    ['the first one', 'wifi-setup-en'],
    ['second', 'order-equipment-en'],
    ['Option 3', 'router-lights-en'],
    ['#2', 'order-equipment-en'],
    ['the last one', 'router-lights-en'],
    ['2nd please', 'order-equipment-en'],
    ["I'd like the third one", 'router-lights-en'],
  ])('picks an English option from %j', (text, articleId) => {
    expect(picked(text, EN)).toBe(articleId);
  });

  it('picks the option whose title the reply repeats, in either language', () => {
    expect(picked('Как настроить Wi-Fi роутер и сменить пароль от вайфая', RU)).toBe('wifi-setup-ru');
    expect(picked('what the lights on the Kometa AX3000 router mean', EN)).toBe('router-lights-en');
  });

  it.each([
    '1 000 рублей списали',
    'второй раз пишу',
    'Во-первых, роутер не работает',
    'первый раз такое',
    '4',
    '0',
    '1 2',
    'роутер',
    'у меня последний роутер сломался',
  ])('reads %j as an ordinary Russian message', (text) => {
    expect(picked(text, RU)).toBeUndefined();
  });

  it.each([
    'first time I write here',
    'I was charged 1 000 rubles',
    'the second router broke',
    'router',
    'last month the lights were red',
  ])('reads %j as an ordinary English message', (text) => {
    expect(picked(text, EN)).toBeUndefined();
  });
});

const at = '2025-01-01T00:00:00.000Z';
const customer = (id: string, text: string): Message => ({ id, conversationId: 'c', role: 'customer', text, at });
const meta = (options: readonly ClarifyOption[]): ReplyMeta => ({
  action: 'clarify',
  citations: [],
  confidence: { score: 0.5, components: {} },
  lang: 'ru',
  options,
});
const clarifyText = [
  'Уточните, пожалуйста, о чём Ваш вопрос:',
  ...RU.map((option) => `${option.id}. ${option.label}`),
  'Напишите номер варианта или опишите вопрос своими словами.',
].join('\n');
const bot = (reply: ReplyMeta | null): Message => ({
  id: 'b1',
  conversationId: 'c',
  role: 'bot',
  text: clarifyText,
  at,
  replyTo: 'm1',
  reply,
});
const TITLES = new Map(RU.map((option) => [option.label, { articleId: option.articleId, lang: 'ru' as const }]));
const byTitle = (title: string) => TITLES.get(title);

describe('optionChoice', () => {
  const earlier = customer('m0', 'Здравствуйте');
  const question = customer('m1', 'роутер');

  it('answers the question the clarifying question replied to, with the earlier history', () => {
    const history = [earlier, question, bot(meta(RU))];
    expect(optionChoice({ history, text: 'второе' })).toEqual({
      option: RU[1],
      question,
      history: [earlier],
      lang: 'ru',
    });
  });

  it('prefers the optionId of a button to the text', () => {
    const history = [question, bot(meta(RU))];
    expect(optionChoice({ history, text: 'что угодно', optionId: '3' })?.option).toEqual(RU[2]);
  });

  it('reads the options back from the text when the history has no reply metadata', () => {
    const history = [question, bot(null)];
    expect(pendingClarify(history)).toBeUndefined();
    expect(pendingClarify(history, byTitle)?.options).toEqual(RU);
    expect(optionChoice({ history, text: '1' }, byTitle)?.option).toEqual(RU[0]);
  });

  it('counts only a clarifying question that is the last message', () => {
    const answered: Message = { ...customer('m2', 'спасибо'), role: 'agent' };
    expect(optionChoice({ history: [question, bot(meta(RU)), answered], text: '1' })).toBeUndefined();
    expect(optionChoice({ history: [question, bot({ ...meta(RU), action: 'answer' })], text: '1' })).toBeUndefined();
    expect(optionChoice({ history: [question, bot(meta([]))], text: '1' })).toBeUndefined();
    expect(optionChoice({ history: [], text: '1' })).toBeUndefined();
  });

  it('finds an option by id only in the pending clarifying question', () => {
    expect(optionById([question, bot(meta(RU))], '2')).toEqual(RU[1]);
    expect(optionById([question, bot(meta(RU))], '7')).toBeUndefined();
    expect(optionById([question], '1')).toBeUndefined();
  });
});
