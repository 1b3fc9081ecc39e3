// Checks an upload before it is stored: not empty, not over the size limit, an accepted type by its content.
// Runtime: any.
import { AppError } from '../errors.ts';
import type { AttachmentType } from './attachment.ts';
import { sniffAttachmentType } from './sniff.ts';

/** The sniffed type of an acceptable upload; throws 400 (empty), 413 (over `maxBytes`) or 415 (another type). */
export function checkUpload(content: Uint8Array, maxBytes: number): AttachmentType {
  if (content.byteLength === 0) throw new AppError('bad_request:attachment', 'the file is empty');
  if (content.byteLength > maxBytes)
    throw new AppError('payload_too_large:attachment', `the file is larger than ${maxBytes} bytes`);
  const type = sniffAttachmentType(content);
  if (type === undefined)
    throw new AppError(
      'unsupported_media_type:attachment',
      'only images (PNG, JPEG, GIF, WebP) and PDF documents can be attached; the content is none of these',
    );
  return type;
}
