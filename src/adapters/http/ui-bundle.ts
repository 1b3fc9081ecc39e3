// Builds the web UI's browser scripts and styles with esbuild (TypeScript in, minified IIFE out) and serves
// them from memory. The Node server builds once at start-up; `npm run build` writes the same files to dist/ui
// for runtimes that serve static assets. Runtime: Node.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StaticAssets } from '../../core/ports/static-assets.ts';
import { compressedAsset } from './compressed-asset.ts';

export interface UiFile {
  readonly name: string;
  readonly type: string;
  readonly body: Uint8Array;
}

const UI = fileURLToPath(new URL('../../ui/', import.meta.url));
const ENTRIES = {
  widget: 'client/widget.ts',
  agent: 'client/agent-console.ts',
  lead: 'client/lead-dashboard.ts',
} as const;

export async function buildUi(): Promise<UiFile[]> {
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(UI, path)])),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    loader: { '.css': 'text' },
    write: false,
    outdir: '/ui',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const scripts = result.outputFiles.map((file) => ({
    name: file.path.split('/').pop() ?? file.path,
    type: 'text/javascript; charset=utf-8',
    body: file.contents,
  }));
  const uplotCss = join(dirname(createRequire(import.meta.url).resolve('uplot/package.json')), 'dist', 'uPlot.min.css');
  const styles = [
    {
      name: 'console.css',
      type: 'text/css; charset=utf-8',
      body: new Uint8Array(await readFile(join(UI, 'styles', 'console.css'))),
    },
    {
      name: 'lead.css',
      type: 'text/css; charset=utf-8',
      body: new Uint8Array(await readFile(join(UI, 'styles', 'lead.css'))),
    },
    { name: 'uplot.css', type: 'text/css; charset=utf-8', body: new Uint8Array(await readFile(uplotCss)) },
  ];
  return [...scripts, ...styles];
}

/** Builds and compresses at once (start-up calls it) and serves from memory; a failed build is logged. */
export function uiAssets(onError: (error: unknown) => void): StaticAssets {
  const files = buildUi().then(
    async (list) =>
      new Map(
        await Promise.all(
          list.map(
            async (file) =>
              [
                file.name,
                await compressedAsset(file.body, { type: file.type, maxAgeSeconds: 300, crossOrigin: true }),
              ] as const,
          ),
        ),
      ),
  );
  files.catch(onError);
  return async (name) => (await files).get(name);
}
