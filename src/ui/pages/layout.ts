// The HTML shell every page shares: language, viewport, styles and deferred scripts. Runtime: any.
import { escapeHtml } from './markdown.ts';
import type { UiLang } from '../i18n.ts';

export interface PageOptions {
  readonly lang: UiLang;
  readonly title: string;
  readonly body: string;
  readonly styles?: readonly string[];
  readonly scripts?: readonly { readonly src: string; readonly attributes?: Readonly<Record<string, string>> }[];
}

export function page(options: PageOptions): string {
  const styles = (options.styles ?? []).map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('');
  const scripts = (options.scripts ?? [])
    .map((script) => {
      const attributes = Object.entries(script.attributes ?? {})
        .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
        .join('');
      return `<script src="${escapeHtml(script.src)}"${attributes} defer></script>`;
    })
    .join('');
  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="icon" href="${FAVICON}">
${styles}
</head>
<body>
${options.body}
${scripts}
</body>
</html>
`;
}

/** A speech bubble, inline: no request for /favicon.ico (a 404 in every page's log) and nothing to serve. */
export const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Cpath d='M4 6a4 4 0 0 1 4-4h16a4 4 0 0 1 4 4v13a4 4 0 0 1-4 4H13l-7 6v-6H8a4 4 0 0 1-4-4z' fill='%231f6feb'/%3E%3C/svg%3E";

/** Scripts and styles only from this origin (the widget styles its shadow root with a constructed sheet). */
export const PAGE_SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
} as const;
