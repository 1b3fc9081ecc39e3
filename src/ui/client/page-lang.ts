// The consoles' language: the page's, as the server rendered it, with its strings. Runtime: browser.
import { STRINGS, uiLang } from '../i18n.ts';

export const lang = uiLang(document.documentElement.lang);
export const t = STRINGS[lang];
