// Contract every MacroStore adapter must meet: macros kept verbatim, listed by language and search words the same
// way everywhere, edited field by field, deleted once; unknown ids are answered, never thrown on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Macro, NewMacro } from '../../src/core/macros/macro.ts';
import type { MacroStore } from '../../src/core/ports/macro-store.ts';

export interface MacroStoreUnderTest {
  readonly macros: MacroStore;
  close(): Promise<void>;
}

const T0 = '2026-11-01T10:00:00.000Z';
const T1 = '2026-11-01T11:00:00.000Z';

const newMacro = (id: string, title: string, text: string, lang: 'ru' | 'en' = 'en'): NewMacro => ({
  id,
  title,
  text,
  lang,
  createdBy: 'lead-1',
  at: T0,
});

export function macroStoreContract(name: string, open: () => Promise<MacroStoreUnderTest>): void {
  describe(`MacroStore contract: ${name}`, () => {
    let subject: MacroStoreUnderTest;
    let store: MacroStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.macros;
      // Start from an empty library whatever defaults the adapter ships with.
      for (const macro of await store.listMacros({})) await store.deleteMacro(macro.id);
    });
    afterEach(() => subject.close());

    it('keeps a created macro verbatim, placeholders and line breaks included', async () => {
      const text = 'Hello, {{customer.name}}!\nI am {{agent.name}}; your request is {{ticket.id}}.';
      const created = await store.createMacro(newMacro('m1', 'Greeting', text));
      const expected: Macro = {
        id: 'm1',
        title: 'Greeting',
        text,
        lang: 'en',
        createdBy: 'lead-1',
        createdAt: T0,
        updatedAt: T0,
      };
      expect(created).toEqual(expected);
      expect(await store.getMacro('m1')).toEqual(expected);
    });

    it('lists by language and finds Cyrillic words whatever their case', async () => {
      await store.createMacro(newMacro('ru-1', 'Приветствие', 'Здравствуйте, {{customer.name}}!', 'ru'));
      await store.createMacro(newMacro('ru-2', 'Завершение', 'Был рад помочь!', 'ru'));
      await store.createMacro(newMacro('en-1', 'Greeting', 'Hello!', 'en'));
      expect((await store.listMacros({ lang: 'ru' })).map((macro) => macro.id).sort()).toEqual(['ru-1', 'ru-2']);
      expect((await store.listMacros({ lang: 'en' })).map((macro) => macro.id)).toEqual(['en-1']);
      expect((await store.listMacros({})).length).toBe(3);
      expect((await store.listMacros({ lang: 'ru', query: 'ПРИВЕТ' })).map((macro) => macro.id)).toEqual(['ru-1']);
      expect((await store.listMacros({ lang: 'ru', query: 'рад помочь' })).map((macro) => macro.id)).toEqual(['ru-2']);
      expect(await store.listMacros({ lang: 'en', query: 'привет' })).toEqual([]);
    });

    it('puts macros whose title matches before those whose text does', async () => {
      await store.createMacro(newMacro('a', 'Closing', 'Glad to greet you again'));
      await store.createMacro(newMacro('b', 'Greeting', 'Hello'));
      expect((await store.listMacros({ lang: 'en', query: 'greet' })).map((macro) => macro.id)).toEqual(['b', 'a']);
    });

    it('edits only the fields given and moves updatedAt', async () => {
      await store.createMacro(newMacro('m1', 'Greeting', 'Hello'));
      const edited = await store.updateMacro('m1', { text: 'Hi, {{customer.name}}' }, T1);
      expect(edited).toEqual({
        id: 'm1',
        title: 'Greeting',
        text: 'Hi, {{customer.name}}',
        lang: 'en',
        createdBy: 'lead-1',
        createdAt: T0,
        updatedAt: T1,
      });
      const moved = await store.updateMacro('m1', { lang: 'ru', title: 'Приветствие' }, T1);
      expect(moved).toMatchObject({ title: 'Приветствие', lang: 'ru', text: 'Hi, {{customer.name}}' });
      expect(await store.listMacros({ lang: 'en' })).toEqual([]);
    });

    it('answers unknown ids with undefined and false', async () => {
      expect(await store.getMacro('missing')).toBeUndefined();
      expect(await store.updateMacro('missing', { title: 'x' }, T1)).toBeUndefined();
      expect(await store.deleteMacro('missing')).toBe(false);
    });

    it('deletes a macro once', async () => {
      await store.createMacro(newMacro('m1', 'Greeting', 'Hello'));
      expect(await store.deleteMacro('m1')).toBe(true);
      expect(await store.deleteMacro('m1')).toBe(false);
      expect(await store.getMacro('m1')).toBeUndefined();
    });
  });
}
