// Port: where canned responses (macros) are kept: listed by language and search words, read, created, edited and
// deleted. The SQL adapter implements it; a contract suite in test/contracts checks any adapter. Runtime: any.
import type { Macro, MacroChanges, MacroLang, NewMacro } from '../macros/macro.ts';

export interface MacroFilter {
  /** Only macros of this language; every language when absent. */
  readonly lang?: MacroLang | undefined;
  /** Search words: each must occur in the title or the text (see core/macros/macro-search.ts). */
  readonly query?: string | undefined;
}

export interface MacroStore {
  /** Matching macros, those whose title matches first, then by title. */
  listMacros(filter: MacroFilter): Promise<Macro[]>;
  getMacro(id: string): Promise<Macro | undefined>;
  createMacro(input: NewMacro): Promise<Macro>;
  /** The edited macro (its `updatedAt` set to `at`), or undefined when there is no such macro. */
  updateMacro(id: string, changes: MacroChanges, at: string): Promise<Macro | undefined>;
  /** True when a macro was deleted. */
  deleteMacro(id: string): Promise<boolean>;
}
