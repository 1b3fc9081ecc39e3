import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chatPage, consolePage } from '../../ui/pages/pages.ts';
import { buildUi } from './ui-bundle.ts';

describe('web UI bundle', () => {
  it('builds every script and style the pages load, with nothing fetched from another host', async () => {
    const files = new Map((await buildUi()).map((file) => [file.name, file]));
    const pages = [chatPage('ru'), consolePage('en', 'agent'), consolePage('ru', 'lead')].join('\n');
    const referenced = [...pages.matchAll(/(?:src|href)="\/(?:ui\/)?([\w.-]+\.(?:js|css))"/g)].map((match) => match[1]);
    expect(new Set(referenced)).toEqual(
      new Set(['widget.js', 'console.css', 'agent.js', 'lead.js', 'uplot.css', 'lead.css']),
    );
    for (const name of referenced) expect(files.get(name ?? '')?.body.length ?? 0, name).toBeGreaterThan(0);
    for (const file of files.values())
      expect(new TextDecoder().decode(file.body), file.name).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('keeps the embeddable widget under 50 KB gzipped', async () => {
    const widget = (await buildUi()).find((file) => file.name === 'widget.js');
    expect(widget).toBeDefined();
    expect(gzipSync(widget?.body ?? new Uint8Array()).length).toBeLessThan(50 * 1024);
  });
});
