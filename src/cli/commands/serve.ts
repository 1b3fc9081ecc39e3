// `firstline serve`: runs the HTTP service on the configured port (the README's start command). Runtime: Node.
import { parseArgs } from 'node:util';
import { parseConfig } from '../../core/config/config.ts';
import { startServer } from '../../platform/node/server.ts';

export async function serveCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' } }, strict: true });
  const config = parseConfig({ ...env, PORT: values.port ?? env.PORT, HOST: values.host ?? env.HOST });
  const server = await startServer(config);
  process.stderr.write(`Firstline is listening on ${server.url} (API docs: ${server.url}/docs)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
