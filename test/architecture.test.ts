// The shape of the tree, enforced: the core is runtime-free, no import circles anywhere in src, and every
// arrow points down the wings (platform → http/adapters → use cases → ports and domain).
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.ts';

const RUNTIME_SPECIFIC = [
  /^node:/,
  /^hnswlib-node$/,
  /^better-sqlite3$/,
  /^tiktoken/,
  /^pino$/,
  /^@hono\/node-server$/,
  /^cloudflare:/,
];
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const SRC = join(ROOT, 'src');

/** Source files (not tests) under src, by path relative to src, with the specifiers they import. */
async function importGraph(): Promise<Map<string, string[]>> {
  const entries = await readdir(SRC, { recursive: true, withFileTypes: true });
  const files = entries.filter(
    (entry) => entry.isFile() && /\.(ts|mts|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name),
  );
  const graph = new Map<string, string[]>();
  for (const entry of files) {
    const file = join(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8');
    graph.set(
      relative(SRC, file),
      [...text.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? ''),
    );
  }
  return graph;
}

/** A relative specifier as a path under src, or the package name. */
const target = (from: string, specifier: string) =>
  specifier.startsWith('.') ? relative(SRC, resolve(SRC, dirname(from), specifier)) : specifier;

/** Strongly connected components with more than one file (Tarjan): each is an import circle. */
function circles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** What each wing may import (folders under src); anything else is an arrow running back up. */
const MAY_IMPORT: ReadonlyArray<readonly [RegExp, readonly RegExp[]]> = [
  [/^core\/use-cases\//, [/^core\//]],
  [/^core\//, [/^core\/(?!use-cases\/)/]],
  [/^adapters\//, [/^core\//, /^adapters\//]],
  [/^http\//, [/^core\//, /^http\//, /^ui\//]],
  [/^ui\//, [/^ui\//, /^core\//, /^http\//]],
  [/^platform\//, [/^core\//, /^adapters\//, /^http\//, /^ui\//, /^platform\//]],
  [/^cli\//, [/^core\//, /^adapters\//, /^platform\//, /^cli\//, /^http\//]],
  [/^types\//, [/^types\//]],
];

describe('architecture', () => {
  it('keeps src/core free of runtime-specific modules and globals', async () => {
    const violations: string[] = [];
    for (const [file, specifiers] of await importGraph()) {
      if (!file.startsWith('core/')) continue;
      for (const specifier of specifiers)
        if (RUNTIME_SPECIFIC.some((pattern) => pattern.test(specifier)))
          violations.push(`${file} imports ${specifier}`);
      if (/\bprocess\.|\bBuffer\./.test(await readFile(join(SRC, file), 'utf8')))
        violations.push(`${file} uses process or Buffer`);
    }
    expect(violations).toEqual([]);
  });

  it('keeps the SQL stores and the migration runner runtime-free, so a Durable Object can run them', async () => {
    const graph = await importGraph();
    const portable = [...graph.keys()].filter((file) => /^adapters\/store\/(sql-[\w-]+|migrate)\.ts$/.test(file));
    expect(portable.length).toBeGreaterThanOrEqual(4);
    const violations = portable.flatMap((file) =>
      (graph.get(file) ?? [])
        .filter((specifier) => RUNTIME_SPECIFIC.some((pattern) => pattern.test(specifier)) || /sqlite-/.test(specifier))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(violations).toEqual([]);
  });

  it('has no import circles', async () => {
    const graph = await importGraph();
    const edges = new Map(
      [...graph].map(([file, specifiers]) => [
        file,
        specifiers.map((specifier) => target(file, specifier)).filter((path) => graph.has(path)),
      ]),
    );
    expect(circles(edges)).toEqual([]);
  });

  it('has no arrow running back up the wings', async () => {
    const violations: string[] = [];
    for (const [file, specifiers] of await importGraph()) {
      const rule = MAY_IMPORT.find(([wing]) => wing.test(file));
      if (rule === undefined) continue;
      for (const specifier of specifiers.filter((entry) => entry.startsWith('.'))) {
        const path = target(file, specifier);
        if (!rule[1].some((allowed) => allowed.test(path))) violations.push(`${file} → ${path}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps every port in core/ports', async () => {
    const graph = await importGraph();
    const texts = new Map(
      await Promise.all(
        [...graph.keys()].map(async (file) => [file, await readFile(join(SRC, file), 'utf8')] as const),
      ),
    );
    // A port is an interface that something outside the core implements.
    const implemented = new Map<string, string>();
    for (const [file, text] of texts) {
      if (file.startsWith('core/')) continue;
      for (const [, names] of text.matchAll(/implements ([\w, ]+)\{/g))
        for (const name of (names ?? '').split(',')) implemented.set(name.trim(), file);
    }
    const misplaced: string[] = [];
    for (const [file, text] of texts) {
      if (!file.startsWith('core/') || file.startsWith('core/ports/')) continue;
      for (const [, name] of text.matchAll(/export interface (\w+)/g)) {
        const adapter = implemented.get(name ?? '');
        if (adapter !== undefined) misplaced.push(`${name} (${file}) is implemented by ${adapter}`);
      }
    }
    expect(implemented.size).toBeGreaterThan(5);
    expect(misplaced).toEqual([]);
  });

  it('finds circles and imports at all (the checks above are not vacuous)', async () => {
    expect(
      circles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
    const graph = await importGraph();
    expect(graph.get('core/retrieval/hybrid-retriever.ts')?.length).toBeGreaterThan(3);
  });
});
