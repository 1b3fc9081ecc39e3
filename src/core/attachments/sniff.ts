// Decides a file's type from its first bytes (magic numbers), never from its name or the client's Content-Type:
// a page renamed to photo.png stays refused. Runtime: any.
import type { AttachmentType } from './attachment.ts';

/** Signatures: bytes expected at an offset. */
interface Signature {
  readonly type: AttachmentType;
  readonly parts: ReadonlyArray<{ readonly offset: number; readonly bytes: readonly number[] }>;
}

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { type: 'image/png', parts: [{ offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }] },
  { type: 'image/jpeg', parts: [{ offset: 0, bytes: [0xff, 0xd8, 0xff] }] },
  { type: 'image/gif', parts: [{ offset: 0, bytes: ascii('GIF87a') }] },
  { type: 'image/gif', parts: [{ offset: 0, bytes: ascii('GIF89a') }] },
  {
    type: 'image/webp',
    parts: [
      { offset: 0, bytes: ascii('RIFF') },
      { offset: 8, bytes: ascii('WEBP') },
    ],
  },
  { type: 'application/pdf', parts: [{ offset: 0, bytes: ascii('%PDF-') }] },
];

/** The accepted type the content starts like, or undefined (refused). */
export function sniffAttachmentType(content: Uint8Array): AttachmentType | undefined {
  return SIGNATURES.find((signature) =>
    signature.parts.every((part) => part.bytes.every((byte, index) => content[part.offset + index] === byte)),
  )?.type;
}
