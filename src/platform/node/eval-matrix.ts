// Matrix runs: prompt versions × models × knowledge folders from `evals/firstline.eval.yaml`, each cell a whole
// configuration run through the suites and compared with the first cell. Runtime: Node.
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { EvalSetupError, folderAt, type EvalSide } from './eval-sides.ts';

const modelSchema = z.union([
  z
    .string()
    .min(1)
    .transform((model) => ({ model })),
  z.strictObject({
    model: z.string().min(1),
    baseUrl: z.url().optional(),
    apiKey: z.string().optional(),
    name: z.string().optional(),
  }),
]);

export const evalConfigSchema = z.object({
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  matrix: z
    .strictObject({
      prompts: z.array(z.string().min(1)).min(1).optional(),
      models: z.array(modelSchema).min(1).optional(),
      knowledge: z.array(z.string().min(1)).min(1).optional(),
    })
    .optional(),
});

export type EvalConfigFile = z.infer<typeof evalConfigSchema>;

export async function readEvalConfig(path: string): Promise<EvalConfigFile> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) throw new EvalSetupError(`--config ${path} does not exist`);
  const document = parseDocument(text);
  if (document.errors[0] !== undefined)
    throw new EvalSetupError(`${path}: not valid YAML: ${document.errors[0].message.split('\n')[0]}`);
  const parsed = evalConfigSchema.safeParse(document.toJS());
  if (!parsed.success)
    throw new EvalSetupError(
      `${path}: ${parsed.error.issues.map((issue) => `"${issue.path.join('.')}" ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
}

const asStrings = (settings: EvalConfigFile['settings']) =>
  Object.fromEntries(Object.entries(settings ?? {}).map(([key, value]) => [key, String(value)]));

/**
 * Every cell of the matrix as a side: the first prompt version, model and knowledge folder form the first
 * cell, the reference the others are compared with. Missing axes take the configured value.
 */
export async function matrixSides(
  config: EvalConfigFile,
  defaults: { promptsDir: string; knowledgeDir: string; model: string | undefined },
): Promise<EvalSide[]> {
  const settings = asStrings(config.settings);
  const prompts = await Promise.all(
    (config.matrix?.prompts ?? [defaults.promptsDir]).map((reference) => folderAt(reference, 'prompts')),
  );
  const knowledge = await Promise.all(
    (config.matrix?.knowledge ?? [defaults.knowledgeDir]).map((reference) => folderAt(reference, 'knowledge')),
  );
  const models = config.matrix?.models ?? [undefined];
  const cleanups = [...prompts, ...knowledge].map((folder) => folder.cleanup);
  const sides: EvalSide[] = [];
  for (const prompt of prompts) {
    for (const model of models) {
      for (const base of knowledge) {
        const modelSettings =
          model === undefined
            ? {}
            : {
                OPENAI_MODEL: model.model,
                ...('baseUrl' in model && model.baseUrl !== undefined ? { OPENAI_BASE_URL: model.baseUrl } : {}),
                ...('apiKey' in model && model.apiKey !== undefined ? { OPENAI_API_KEY: model.apiKey } : {}),
              };
        const modelName =
          model === undefined
            ? (defaults.model ?? 'no model')
            : 'name' in model && model.name !== undefined
              ? model.name
              : model.model;
        sides.push({
          label: `${prompt.source} × ${modelName} × ${base.source}`,
          source: `matrix cell ${sides.length + 1}`,
          knowledgeDir: base.directory,
          promptsDir: prompt.directory,
          settings: { ...settings, ...modelSettings },
          cleanup: async () => undefined,
        });
      }
    }
  }
  // The folders are shared between cells: the first cell removes them all when the run ends.
  const [first, ...rest] = sides;
  if (first === undefined) return [];
  return [{ ...first, cleanup: async () => void (await Promise.all(cleanups.map((cleanup) => cleanup()))) }, ...rest];
}
