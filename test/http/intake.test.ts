// Intake before the specialist arrives: the articles the bot cited say what a person will need (`collect:`); the
// handoff asks for what the customer has not given, each item sent while waiting is checked and acknowledged, and
// the ticket carries them, so the customer never repeats themselves. RU and EN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../src/core/conversation/tokens.ts';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

let service: TestService;
const token = newToken();
beforeAll(async () => {
  service = await testService();
  await service.agents.addAgent('Мария', 'agent', token);
});
afterAll(async () => service.close());

interface PostJson {
  reply: { action: string; text: string; citations: Array<{ articleId: string }> } | null;
  notice?: { role: string; text: string };
}
interface TicketJson {
  id: string;
  conversationId: string;
  intake: { requested: string[]; values: Record<string, string> } | null;
}

const api = (path: string) => service.app.request(path, { headers: { authorization: `Bearer ${token}` } });
const ticketOf = async (conversationId: string) =>
  ((await (await api('/v1/tickets')).json()) as { tickets: TicketJson[] }).tickets.find(
    (ticket) => ticket.conversationId === conversationId,
  );

async function say(customer: Awaited<ReturnType<typeof openConversation>>, text: string): Promise<PostJson> {
  const response = await customer.post({ text });
  expect(response.status).toBe(200);
  return (await response.json()) as PostJson;
}

describe('intake', () => {
  it('asks for the account number the cited article needs, points out a mistyped one, and keeps the right one', async () => {
    const customer = await openConversation(service.app, { lang: 'ru' });
    const answer = await say(customer, 'Как сменить тариф?');
    expect(answer.reply?.citations.map((citation) => citation.articleId)).toContain('change-plan-ru');
    const handoff = await say(customer, 'Не получается, кнопка неактивна. Позовите оператора, пожалуйста.');
    expect(handoff.reply?.action).toBe('handoff');
    expect(handoff.reply?.text).toContain('Пока Вы ждёте, пришлите, пожалуйста, номер лицевого счёта (9 цифр)');
    expect(handoff.reply?.text).toContain('оставьте адрес электронной почты');
    expect((await ticketOf(customer.id))?.intake).toEqual({ requested: ['account_number'], values: {} });

    const wrong = await say(customer, 'Мой счёт 12345678');
    expect(wrong.notice).toMatchObject({ role: 'system', text: expect.stringContaining('9 цифр') as string });
    expect((await ticketOf(customer.id))?.intake?.values).toEqual({});

    const right = await say(customer, '123 456 789');
    expect(right.notice?.text).toContain('Спасибо, добавил к обращению: номер лицевого счёта 123456789.');
    const email = await say(customer, 'почта anna@example.ru');
    expect(email.notice?.text).toContain('почта anna@example.ru');
    const ticket = await ticketOf(customer.id);
    expect(ticket?.intake).toEqual({
      requested: ['account_number'],
      values: { account_number: '123456789', email: 'anna@example.ru' },
    });
    // The agent's view of the ticket has it too.
    const details = (await (await api(`/v1/tickets/${ticket?.id ?? ''}`)).json()) as { ticket: TicketJson };
    expect(details.ticket.intake?.values.account_number).toBe('123456789');
  });

  it('does not ask again for what the customer already gave, and takes several items from one message', async () => {
    const customer = await openConversation(service.app, { lang: 'en', customer: { email: 'kim@example.com' } });
    const answer = await say(customer, 'How do I move my internet to a new address?');
    expect(answer.reply?.citations.map((citation) => citation.articleId)).toContain('moving-en');
    const handoff = await say(customer, 'My account is 987654321. The request will not submit, I need a person.');
    expect(handoff.reply?.action).toBe('handoff');
    expect(handoff.reply?.text).toContain('While you wait, please send the connection address');
    expect(handoff.reply?.text).not.toContain('account number');
    expect(handoff.reply?.text).not.toContain('e-mail');
    expect((await ticketOf(customer.id))?.intake).toEqual({
      requested: ['account_number', 'address'],
      values: { email: 'kim@example.com', account_number: '987654321' },
    });
    const address = await say(customer, 'The new address is 12 Baker Street, flat 3');
    expect(address.notice?.text).toBe(
      "Thank you, I've added to your request: address The new address is 12 Baker Street, flat 3. The specialist will see it in your request.",
    );
  });

  it('asks nothing of a customer at risk: the reply tells them what to do now', async () => {
    const customer = await openConversation(service.app, { lang: 'ru' });
    const handoff = await say(customer, 'Пахнет газом в квартире, роутер искрит!');
    expect(handoff.reply?.action).toBe('handoff');
    expect(handoff.reply?.text).not.toContain('Пока Вы ждёте, пришлите');
    expect(handoff.reply?.text).not.toContain('электронной почты');
  });
});
