// Worker-thread entry: TypeScript through tsx's loader, as bin/firstline.mjs does for the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./reply-worker.ts');
