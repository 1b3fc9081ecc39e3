// Interactive API docs at /docs: Swagger UI served from the service itself (no CDN). Runtime: any.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { errorBody } from '../errors.ts';
import { FAVICON } from '../../ui/pages/layout.ts';
import { newRouter } from '../router.ts';
import type { StaticAssets } from '../../core/ports/static-assets.ts';
import { assetResponse } from '../static-asset.ts';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Firstline API</title>
<link rel="icon" href="${FAVICON}">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body>
</html>`;

// Served as a file, not inline, so the page's policy allows scripts from this origin only. No validator badge: it
// would load an image from validator.swagger.io, which the policy (and the no-network promise) rules out.
const INIT =
  "window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#docs', deepLinking: true, validatorUrl: null });\n";

/**
 * What the page needs and nothing more: its scripts and stylesheet from /docs/assets, the spec and "Try it out"
 * requests to this origin, and the icons Swagger UI's stylesheet embeds as data: URIs. No inline script or style.
 */
export const DOCS_SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
} as const;

export function docsRoutes(asset?: StaticAssets): OpenAPIHono<AppEnv> {
  const app = newRouter();
  app.get('/docs', (c) => c.html(PAGE, 200, DOCS_SECURITY_HEADERS));
  // One route for every asset: a static path beside a parameter at the same place would push Hono off its
  // regular-expression router (every request would be matched by the slower trie router).
  app.get('/docs/assets/:name', async (c) => {
    const name = c.req.param('name');
    if (name === 'init.js') return c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' });
    if (asset === undefined)
      return c.json(errorBody('not_found:asset', 'documentation assets are not available in this runtime'), 404);
    const found = await asset(name);
    if (found === undefined) return c.json(errorBody('not_found:asset', `no documentation asset named "${name}"`), 404);
    return assetResponse(c.req.raw, found);
  });
  return app;
}
