// Interactive API docs at /docs: Swagger UI served from the service itself (no CDN). Runtime: any.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { newRouter } from '../router.ts';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Firstline API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body>
</html>`;

const INIT = "window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#docs', deepLinking: true });\n";

export function docsRoutes(asset?: (name: string) => Promise<Response | undefined>): OpenAPIHono<AppEnv> {
  const app = newRouter();
  app.get('/docs', (c) => c.html(PAGE));
  // One route for every asset: a static path beside a parameter at the same place would push Hono off its
  // regular-expression router (every request would be matched by the slower trie router).
  app.get('/docs/assets/:name', async (c) => {
    const name = c.req.param('name');
    if (name === 'init.js') return c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' });
    const response = asset === undefined ? undefined : await asset(name);
    return (
      response ??
      c.json(
        { error: { code: 'not_found:asset', message: 'documentation assets are not available in this runtime' } },
        404,
      )
    );
  });
  return app;
}
