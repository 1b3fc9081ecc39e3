// Macros API: canned responses agents search and insert into replies; leads and admins create, edit and delete
// them. Runtime: any.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../core/errors.ts';
import type { Macro } from '../../core/macros/macro.ts';
import type { MacroStore } from '../../core/ports/macro-store.ts';
import type { AgentService } from '../../core/use-cases/agent-desk.ts';
import { LEADS, WORKERS, agentAuth } from '../agent-auth.ts';
import type { AppEnv } from '../app-env.ts';
import { errors, json, jsonBody, ok } from '../openapi-helpers.ts';
import { newRouter } from '../router.ts';
import { idParams } from '../schemas/common.ts';
import {
  createMacroBody,
  macroDeletedSchema,
  macroListSchema,
  macroQuery,
  macroResultSchema,
  updateMacroBody,
} from '../schemas/macros.ts';

export interface MacroRouteDependencies {
  readonly agents: AgentService;
  readonly macros: MacroStore;
  readonly now: () => Date;
}

const found = (macro: Macro | undefined, id: string): Macro => {
  if (macro === undefined) throw new AppError('not_found:macro', `no macro ${id}`);
  return macro;
};

export function macroRoutes(deps: MacroRouteDependencies): OpenAPIHono<AppEnv> {
  const app = newRouter();
  const as = agentAuth(deps.agents);
  const security = [{ agentToken: [] }];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/macros',
      summary: 'Canned responses, by language and search words (agents, leads and admins)',
      security,
      request: { query: macroQuery },
      responses: { ...ok('Macros', macroListSchema), ...errors(400, 401, 403) },
    }),
    async (c) => {
      await as(c, WORKERS);
      const { lang, q } = c.req.valid('query');
      return c.json({ macros: await deps.macros.listMacros({ lang, query: q }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/macros',
      summary: 'Create a canned response (leads and admins)',
      security,
      request: { body: jsonBody(createMacroBody) },
      responses: { 201: json('Created', macroResultSchema), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const lead = await as(c, LEADS);
      const body = c.req.valid('json');
      const macro = await deps.macros.createMacro({
        id: crypto.randomUUID(),
        ...body,
        createdBy: lead.id,
        at: deps.now().toISOString(),
      });
      return c.json({ macro }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/macros/{id}',
      summary: 'Edit a canned response (leads and admins)',
      security,
      request: { params: idParams, body: jsonBody(updateMacroBody) },
      responses: { ...ok('Edited', macroResultSchema), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      await as(c, LEADS);
      const { id } = c.req.valid('param');
      const macro = await deps.macros.updateMacro(id, c.req.valid('json'), deps.now().toISOString());
      return c.json({ macro: found(macro, id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/macros/{id}',
      summary: 'Delete a canned response (leads and admins)',
      security,
      request: { params: idParams },
      responses: { ...ok('Deleted', macroDeletedSchema), ...errors(401, 403, 404) },
    }),
    async (c) => {
      await as(c, LEADS);
      const { id } = c.req.valid('param');
      if (!(await deps.macros.deleteMacro(id))) throw new AppError('not_found:macro', `no macro ${id}`);
      return c.json({ deleted: true as const }, 200);
    },
  );
  return app;
}
