// The project's migrations as the Workers lane reads them: bundled as text (no file system in a Worker).
import type { Migration } from '../../src/adapters/store/migrate.ts';

const texts = import.meta.glob<string>('../../src/adapters/store/migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const MIGRATIONS: readonly Migration[] = Object.entries(texts)
  .map(([path, sql]) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return { version: Number(name.slice(0, 3)), name, sql };
  })
  .sort((left, right) => left.version - right.version);
