import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from './macro-placeholders.ts';

const values = { 'customer.name': 'Анна', 'agent.name': 'Мария', 'ticket.id': 't-42' };

describe('fillPlaceholders', () => {
  it('fills the customer, the agent and the ticket', () => {
    expect(
      fillPlaceholders('Здравствуйте, {{customer.name}}! Меня зовут {{agent.name}}. Номер: {{ticket.id}}.', values),
    ).toBe('Здравствуйте, Анна! Меня зовут Мария. Номер: t-42.');
  });

  it('keeps a Russian greeting grammatical when the customer gave no name', () => {
    expect(fillPlaceholders('Здравствуйте, {{customer.name}}!', { ...values, 'customer.name': undefined })).toBe(
      'Здравствуйте!',
    );
  });

  it('keeps an English greeting grammatical when the name is blank', () => {
    expect(
      fillPlaceholders('Hello, {{customer.name}}! I am {{agent.name}}.', { ...values, 'customer.name': ' ' }),
    ).toBe('Hello! I am Мария.');
    expect(fillPlaceholders('Hi {{customer.name}}, welcome back.', {})).toBe('Hi, welcome back.');
  });

  it('drops a missing name at the start of a line with its comma', () => {
    expect(fillPlaceholders('First line.\n{{customer.name}}, thank you.', {})).toBe('First line.\nthank you.');
  });

  it('leaves unknown placeholders as written', () => {
    expect(fillPlaceholders('Hello, {{customer.nmae}}!', values)).toBe('Hello, {{customer.nmae}}!');
  });
});
