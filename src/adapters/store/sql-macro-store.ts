// MacroStore over the SQL connection port: one row per macro, each change one durable write. Search runs on the
// language's rows in JavaScript, since SQLite's LIKE folds only ASCII case and macros are a few hundred at most.
// Runtime: any.
import type { Macro, MacroChanges, MacroLang, NewMacro } from '../../core/macros/macro.ts';
import { rankMacros } from '../../core/macros/macro-search.ts';
import type { MacroFilter, MacroStore } from '../../core/ports/macro-store.ts';
import type { SqlDatabase } from '../../core/ports/sql-database.ts';

interface MacroRow {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly lang: MacroLang;
  readonly created_by: string;
  readonly created_at: string;
  readonly updated_at: string;
}

const COLUMNS = 'id, title, text, lang, created_by, created_at, updated_at';

const toMacro = (row: MacroRow): Macro => ({
  id: row.id,
  title: row.title,
  text: row.text,
  lang: row.lang,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class SqlMacroStore implements MacroStore {
  constructor(private readonly db: SqlDatabase) {}

  listMacros(filter: MacroFilter): Promise<Macro[]> {
    const rows =
      filter.lang === undefined
        ? this.db.connection.all<MacroRow>(`SELECT ${COLUMNS} FROM macros`)
        : this.db.connection.all<MacroRow>(`SELECT ${COLUMNS} FROM macros WHERE lang = ?`, filter.lang);
    return Promise.resolve(rankMacros(rows.map(toMacro), filter.query));
  }

  getMacro(id: string): Promise<Macro | undefined> {
    return Promise.resolve(this.row(id));
  }

  createMacro(input: NewMacro): Promise<Macro> {
    return this.db.write(() => {
      this.db.connection.run(
        `INSERT INTO macros (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        input.id,
        input.title,
        input.text,
        input.lang,
        input.createdBy,
        input.at,
        input.at,
      );
      const { at, ...macro } = input;
      return { ...macro, createdAt: at, updatedAt: at };
    });
  }

  updateMacro(id: string, changes: MacroChanges, at: string): Promise<Macro | undefined> {
    return this.db.write(() => {
      const current = this.row(id);
      if (current === undefined) return undefined;
      this.db.connection.run(
        'UPDATE macros SET title = ?, text = ?, lang = ?, updated_at = ? WHERE id = ?',
        changes.title ?? current.title,
        changes.text ?? current.text,
        changes.lang ?? current.lang,
        at,
        id,
      );
      return this.row(id);
    });
  }

  deleteMacro(id: string): Promise<boolean> {
    return this.db.write(() => this.db.connection.run('DELETE FROM macros WHERE id = ?', id).changes > 0);
  }

  private row(id: string): Macro | undefined {
    const row = this.db.connection.get<MacroRow>(`SELECT ${COLUMNS} FROM macros WHERE id = ?`, id);
    return row === undefined ? undefined : toMacro(row);
  }
}
