// Makes a client's file name safe to store and show: no folders, no control or bidirectional-override characters,
// at most 120 characters, and a name that is never empty. Runtime: any.
import type { AttachmentType } from './attachment.ts';

export const MAX_FILE_NAME_LENGTH = 120;

/** The extension a file of each type gets when its name is empty after cleaning. */
const EXTENSION: Record<AttachmentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

// Control characters (C0, DEL, C1), bidirectional controls (LRE..RLO, LRI..PDI, LRM, RLM, ALM), line and paragraph
// separators, and other invisible format characters (zero-width space, BOM).
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * The name to keep: the last path segment (either slash), unsafe characters removed, blanks folded, cut to 120
 * characters (keeping the extension when it can); `file.<ext>` for the type when nothing is left.
 */
export function sanitizeFileName(raw: string, type: AttachmentType): string {
  const base = raw.split(/[/\\]/).at(-1) ?? '';
  const cleaned = base.normalize('NFC').replace(UNSAFE, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  if (cleaned === '') return `file.${EXTENSION[type]}`;
  const characters = [...cleaned];
  if (characters.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  const keep = MAX_FILE_NAME_LENGTH - [...extension].length;
  return `${characters.slice(0, keep).join('').trimEnd()}${extension}`;
}
