// Server-rendered pages: the home page, the chat page, the consoles' shells and knowledge-base articles. Runtime: any.
import { PAGE_STRINGS, STRINGS, type UiLang } from '../i18n.ts';
import type { ArticlePage } from '../../core/ports/article-source.ts';
import { page } from './layout.ts';
import { escapeHtml, renderMarkdown } from './markdown.ts';

const CONSOLE_CSS = '/ui/console.css';

export function homePage(lang: UiLang): string {
  const text = PAGE_STRINGS[lang];
  const links = [
    ['/chat', text.homeChat],
    ['/agent', text.agentTitle],
    ['/lead', STRINGS[lang].leadTitle],
    ['/docs', text.apiDocs],
  ] as const;
  const items = links.map(([href, label]) => `<li><a href="${href}">${escapeHtml(label)}</a></li>`).join('');
  const body = `<main class="page narrow"><h1>Firstline</h1><ul class="links">${items}</ul></main>`;
  return page({ lang, title: 'Firstline', styles: [CONSOLE_CSS], body });
}

export function chatPage(lang: UiLang): string {
  const text = STRINGS[lang];
  const intro = `<p>${escapeHtml(PAGE_STRINGS[lang].chatIntro)}</p>`;
  return page({
    lang,
    title: `${text.widgetTitle} — Firstline`,
    styles: [CONSOLE_CSS],
    body: `<main class="page chat-page"><h1>${escapeHtml(text.widgetTitle)}</h1>${intro}<div id="firstline-chat" class="chat-host"></div></main>`,
    scripts: [
      { src: '/widget.js', attributes: { 'data-mode': 'inline', 'data-target': '#firstline-chat', 'data-lang': lang } },
    ],
  });
}

export function consolePage(lang: UiLang, kind: 'agent' | 'lead'): string {
  const text = STRINGS[lang];
  const title = kind === 'agent' ? PAGE_STRINGS[lang].agentTitle : text.leadTitle;
  const styles = kind === 'lead' ? [CONSOLE_CSS, '/ui/uplot.css', '/ui/lead.css'] : [CONSOLE_CSS];
  return page({
    lang,
    title: `${title} — Firstline`,
    styles,
    body: `<div id="app" class="app" data-title="${escapeHtml(title)}"><noscript>JavaScript is required.</noscript></div>`,
    scripts: [{ src: `/ui/${kind}.js` }],
  });
}

export function articlePage(article: ArticlePage): string {
  const updatedLabel = PAGE_STRINGS[article.lang].articleUpdated;
  const updated =
    article.updated === undefined ? '' : `<p class="meta">${updatedLabel}: ${escapeHtml(article.updated)}</p>`;
  return page({
    lang: article.lang,
    title: article.title,
    styles: [CONSOLE_CSS],
    body: `<main class="page narrow article"><h1>${escapeHtml(article.title)}</h1>${updated}${renderMarkdown(article.body)}</main>`,
  });
}

export function notFoundPage(lang: UiLang): string {
  const body = `<main class="page narrow"><h1>404</h1><p>${PAGE_STRINGS[lang].pageNotFound} <a href="/">Firstline</a></p></main>`;
  return page({ lang, title: '404', styles: [CONSOLE_CSS], body });
}
