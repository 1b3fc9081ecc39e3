// How a stored file is served: its sniffed type, inline for images and as a download for PDF with an RFC 6266 file
// name, and headers that keep a browser from treating it as a page (nosniff, a sandboxing CSP). Runtime: any.
import { isImage, type AttachmentRecord } from '../core/attachments/attachment.ts';

/** `filename` for old clients (ASCII, quotes and backslashes replaced) and `filename*` (UTF-8, percent-encoded). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function attachmentHeaders(record: AttachmentRecord): Record<string, string> {
  return {
    'Content-Type': record.type,
    'Content-Length': String(record.bytes),
    'Content-Disposition': contentDisposition(isImage(record.type) ? 'inline' : 'attachment', record.name),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  };
}
