// The web UI: pages rendered here, scripts and styles from the runtime's asset source, articles for citation links.
// Runtime: any.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ArticleSource } from '../../core/ports/article-source.ts';
import { uiLang, type UiLang } from '../../ui/i18n.ts';
import { PAGE_SECURITY_HEADERS } from '../../ui/pages/layout.ts';
import { articlePage, chatPage, consolePage, homePage, notFoundPage } from '../../ui/pages/pages.ts';
import type { AppEnv } from '../app-env.ts';
import { newRouter } from '../router.ts';
import type { StaticAssets } from '../../core/ports/static-assets.ts';
import { assetResponse } from '../static-asset.ts';

export interface UiRouteDependencies {
  readonly asset?: StaticAssets | undefined;
  readonly articles?: ArticleSource | undefined;
}

/** `?lang=` first, then the browser's preferred language among Russian and English. */
export function pageLang(c: Context): UiLang {
  const asked = c.req.query('lang');
  if (asked !== undefined) return uiLang(asked);
  const accepted = (c.req.header('accept-language') ?? '')
    .split(',')
    .map((entry) => entry.trim().slice(0, 2).toLowerCase());
  return uiLang(accepted.find((tag) => tag === 'ru' || tag === 'en'));
}

export function uiRoutes(deps: UiRouteDependencies): OpenAPIHono<AppEnv> {
  const app = newRouter();
  const html = (c: Context, body: string, status: 200 | 404 = 200) => c.html(body, status, PAGE_SECURITY_HEADERS);
  const asset = async (c: Context, name: string) => {
    const found = await deps.asset?.(name);
    return found === undefined ? html(c, notFoundPage(pageLang(c)), 404) : assetResponse(c.req.raw, found);
  };

  app.get('/', (c) => html(c, homePage(pageLang(c))));
  app.get('/chat', (c) => html(c, chatPage(pageLang(c))));
  app.get('/agent', (c) => html(c, consolePage(pageLang(c), 'agent')));
  // A link to one ticket: the same console, which opens the ticket named in the address.
  app.get('/agent/tickets/:id', (c) => html(c, consolePage(pageLang(c), 'agent')));
  app.get('/lead', (c) => html(c, consolePage(pageLang(c), 'lead')));
  app.get('/widget.js', (c) => asset(c, 'widget.js'));
  app.get('/ui/:name', (c) => asset(c, c.req.param('name')));
  app.get('/kb/:id', async (c) => {
    const article = await deps.articles?.article(c.req.param('id'));
    return article === undefined ? html(c, notFoundPage(pageLang(c)), 404) : html(c, articlePage(article));
  });
  return app;
}
