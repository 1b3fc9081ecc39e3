// Deterministic synthetic knowledge bases of any size, generated from the sample articles.
import { readKnowledgeFiles } from '../src/adapters/fs/knowledge-files.ts';
import type { SourceFile } from '../src/core/ingest/ingest.ts';
import { parseKnowledge } from '../src/core/ingest/ingest.ts';
import { words } from '../src/core/text/normalize.ts';
import { prng } from '../src/core/util/prng.ts';

interface Section {
  readonly heading: string;
  readonly sentences: readonly string[];
}

/**
 * Builds articles whose sections are shuffled, re-numbered variants of real sections mixed with
 * vocabulary from the whole sample, so posting lists and vector neighbourhoods look like a large,
 * repetitive real help centre. Each article has `sectionsPerArticle` sections of one language.
 */
export async function syntheticKnowledge(
  knowledgeDirectory: string,
  chunkCount: number,
  sectionsPerArticle = 5,
): Promise<SourceFile[]> {
  const articles = parseKnowledge(await readKnowledgeFiles(knowledgeDirectory), 1 << 20);
  const byLang = { ru: [] as Section[], en: [] as Section[] };
  const vocabulary = { ru: [] as string[], en: [] as string[] };
  for (const article of articles) {
    for (const block of article.body.split(/\n(?=## )/)) {
      const [first, ...rest] = block.split('\n');
      const heading = first?.startsWith('## ') ? first.slice(3) : article.title;
      const text = (first?.startsWith('## ') ? rest : [first ?? '', ...rest]).join(' ');
      const sentences = text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.trim().length > 0);
      if (sentences.length > 0) byLang[article.lang].push({ heading, sentences });
    }
    vocabulary[article.lang].push(...words(article.body).filter((word) => word.length > 4));
  }
  const random = prng(20261122);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const files: SourceFile[] = [];
  const encoder = new TextEncoder();
  const articleCount = Math.ceil(chunkCount / sectionsPerArticle);
  for (let index = 0; index < articleCount; index += 1) {
    const lang = index % 2 === 0 ? 'ru' : 'en';
    const sections: string[] = [];
    const count = Math.min(sectionsPerArticle, chunkCount - index * sectionsPerArticle);
    for (let part = 0; part < count; part += 1) {
      const base = pick(byLang[lang]);
      const sentences = [...base.sentences].sort(() => random() - 0.5).slice(0, 4);
      const noise = Array.from({ length: 4 }, () => pick(vocabulary[lang])).join(' ');
      const body = `${sentences.join(' ')} ${noise}.`.replace(/\d+/g, () => String(Math.floor(random() * 5000)));
      sections.push(`## ${base.heading} ${part + 1}\n${body}`);
    }
    const id = `syn-${index}-${lang}`;
    const title = `${pick(byLang[lang]).heading} (${index})`.replace(/"/g, "'");
    files.push({
      path: `${id}.md`,
      bytes: encoder.encode(`---\nid: ${id}\ntitle: "${title}"\nlang: ${lang}\n---\n${sections.join('\n\n')}\n`),
    });
  }
  return files;
}
