import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders headings, numbered steps, bullets and paragraphs', () => {
    const html = renderMarkdown(
      'Intro line\nstill intro.\n\n## Steps\n\n1. First\n2. Second **now**\n\n- a\n- b\n\nEnd.',
    );
    expect(html).toBe(
      '<p>Intro line still intro.</p>\n<h3>Steps</h3>\n<ol><li>First</li><li>Second <strong>now</strong></li></ol>\n<ul><li>a</li><li>b</li></ul>\n<p>End.</p>',
    );
  });

  it('escapes HTML and drops links that are not http(s) or relative', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.com/a) [rel](/kb/a)',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<a href="https://example.com/a">ok</a>');
    expect(html).toContain('<a href="/kb/a">rel</a>');
    expect(renderMarkdown('[x](//evil.example/a) [y](/\\evil.example)')).not.toContain('href');
  });
});
