import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/adapters/store/sqlite-store.ts';
import { macroStoreContract } from './macro-store.contract.ts';

const subject = (store: SqliteStore) => ({ macros: store.macros, close: () => store.close() });
const fileStore = async () =>
  SqliteStore.open(join(await mkdtemp(join(tmpdir(), 'firstline-macros-')), 'firstline.db'), {
    synchronous: 'normal',
  });

macroStoreContract('SqliteStore (file, WAL)', async () => subject(await fileStore()));

describe('default macros', () => {
  it('come with a new database in both languages, following the support standard', async () => {
    const store = await fileStore();
    try {
      const ru = await store.macros.listMacros({ lang: 'ru' });
      const en = await store.macros.listMacros({ lang: 'en' });
      expect(ru.map((macro) => macro.title).sort()).toEqual(
        ['Завершение', 'Если повторится', 'Перезагрузка роутера: шаги', 'Понимаю ситуацию', 'Приветствие'].sort(),
      );
      expect(en.length).toBe(ru.length);
      expect(ru.find((macro) => macro.id === 'default-ru-closing')?.text).toContain('Был рад помочь!');
      expect(ru.find((macro) => macro.id === 'default-ru-greeting')?.text).toMatch(
        /^Здравствуйте, \{\{customer\.name\}\}!/,
      );
      // The formal «Вы», capitalised, and never the informal «ты».
      expect(ru.some((macro) => /(^|\s)(Вам|Вы)(\s|[,.!?:]|$)/u.test(macro.text))).toBe(true);
      for (const macro of ru) expect(macro.text).not.toMatch(/(^|\s)(ты|тебе|тебя|твой)(\s|[,.!?]|$)/iu);
      for (const macro of [...ru, ...en]) expect(macro.createdBy).toBe('system');
    } finally {
      await store.close();
    }
  });
});
