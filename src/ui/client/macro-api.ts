// The macros API (canned responses) as the agent console and the lead dashboard call it, typed from the server's
// schemas. Runtime: browser.
import { api } from './api.ts';
import type { CreateMacroBody, MacroList, MacroResult, UpdateMacroBody } from './api-types.ts';

export type MacroLang = 'ru' | 'en';

export interface MacroApi {
  /** Macros of `lang` matching every word of `query` (all of them when it is empty), title matches first. */
  list(lang: MacroLang, query?: string): Promise<MacroList>;
  create(body: CreateMacroBody): Promise<MacroResult>;
  update(id: string, body: UpdateMacroBody): Promise<MacroResult>;
  remove(id: string): Promise<void>;
}

/** `token` is read at each call: the agent may sign out and in again. */
export function macroApi(token: () => string | undefined): MacroApi {
  const base = location.origin;
  const path = (id: string) => `/v1/macros/${encodeURIComponent(id)}`;
  return {
    list: (lang, query = '') => {
      const search = new URLSearchParams({ lang });
      if (query.trim() !== '') search.set('q', query.trim());
      return api<MacroList>(base, `/v1/macros?${search.toString()}`, { token: token() });
    },
    create: (body) => api<MacroResult>(base, '/v1/macros', { method: 'POST', body, token: token() }),
    update: (id, body) => api<MacroResult>(base, path(id), { method: 'PATCH', body, token: token() }),
    remove: async (id) => {
      await api<unknown>(base, path(id), { method: 'DELETE', token: token() });
    },
  };
}
