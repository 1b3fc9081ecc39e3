// Builders of small knowledge-base files for tests.

export interface ArticleFields {
  readonly id: string;
  readonly lang?: 'ru' | 'en';
  readonly title?: string;
  readonly tags?: readonly string[];
  readonly extra?: string;
  readonly body?: string;
}

export function articleText(fields: ArticleFields): string {
  const tags = fields.tags === undefined ? '' : `tags: [${fields.tags.join(', ')}]\n`;
  return `---\nid: ${fields.id}\ntitle: ${fields.title ?? `Title of ${fields.id}`}\nlang: ${fields.lang ?? 'en'}\n${tags}${fields.extra ?? ''}---\n${
    fields.body ?? `Intro of ${fields.id}.\n\n## Steps\n1. Open the app.\n2. Tap the button.\n`
  }`;
}

export function sourceFile(path: string, text: string): { path: string; bytes: Uint8Array } {
  return { path, bytes: new TextEncoder().encode(text) };
}
