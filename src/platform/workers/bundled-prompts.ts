// The prompt files as the Worker reads them: `prompts.json` of the hidden bundle (the build copies PROMPTS_DIR),
// each parsed and checked as on Node before the model sees it. Read once per isolate. Runtime: Workers.
import { checkedPrompt, type PromptSource } from '../../adapters/llm/llm-paths.ts';
import { PromptError } from '../../core/prompts/prompt-file.ts';
import { BUNDLE } from './bundle-layout.ts';
import { readBundled } from './worker-env.ts';

export function bundledPrompts(assets: Fetcher): PromptSource {
  let texts: Promise<Record<string, string>> | undefined;
  const load = async () => {
    const bytes = await readBundled(assets, BUNDLE.prompts);
    if (bytes === undefined) throw new PromptError(`the bundle has no ${BUNDLE.prompts}: run the build`);
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, string>;
  };
  return async (name) => {
    // A failed read is tried again by the next call, not cached.
    texts ??= load().catch((error: unknown) => {
      texts = undefined;
      throw error;
    });
    const text = (await texts)[name];
    if (text === undefined) throw new PromptError(`prompts/${name}.md: not in the bundle`);
    return checkedPrompt(`prompts/${name}.md`, name, text);
  };
}
