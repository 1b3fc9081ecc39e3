// Wires the use cases on Node: the shared desk services with node:crypto token hashing, files under
// DATA_DIR/attachments and feeds that poll for other processes' writes. Runtime: Node.
import { nodeTokenHash } from '../../adapters/crypto/node-token-hash.ts';
import { attachmentStoreOf } from '../../adapters/fs/file-attachment-store.ts';
import { buildDeskServices, type DeskServiceOptions } from '../shared/desk-services.ts';
import type { OpenedKnowledge } from './knowledge-service.ts';

export { createReplyPipeline } from '../shared/desk-services.ts';

export type ServiceOptions = Omit<DeskServiceOptions, 'attachmentStore' | 'hashToken' | 'pollMs' | 'knowledge'> & {
  readonly knowledge: OpenedKnowledge;
};

export function buildServices(options: ServiceOptions) {
  // Files sent with messages: bytes under DATA_DIR/attachments, records in the same database.
  const attachmentStore = attachmentStoreOf(options.config.DATA_DIR, options.store);
  const services = buildDeskServices({ ...options, hashToken: nodeTokenHash, attachmentStore });
  const { attachments } = services;
  if (attachments === undefined) throw new Error('the attachment service is built whenever a store is given');
  return { ...services, attachments, attachmentStore };
}
