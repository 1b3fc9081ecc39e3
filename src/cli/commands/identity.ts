// `firstline identity sign <user-id>` prints the userHash of a customer id under IDENTITY_SECRET (hex HMAC-SHA256),
// for a host site's developers to check what their backend computes. Runtime: Node.
import { parseArgs } from 'node:util';
import { ConfigError, parseConfig } from '../../core/config/config.ts';
import { identityHash } from '../../core/conversation/identity.ts';
import { UsageError } from '../usage-error.ts';

export async function identityCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const [action, userId, ...rest] = positionals;
  if (action !== 'sign' || userId === undefined || userId.trim() === '' || rest.length > 0)
    throw new UsageError('use "identity sign <user-id>" (with IDENTITY_SECRET set)');
  const config = parseConfig(env);
  if (config.IDENTITY_SECRET === undefined)
    throw new ConfigError('IDENTITY_SECRET is not set: it is the secret the userHash is computed with');
  // The widget sends the id trimmed, and the server verifies the trimmed id.
  process.stdout.write(`${await identityHash(config.IDENTITY_SECRET, userId.trim())}\n`);
  return 0;
}
