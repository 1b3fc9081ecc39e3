// Files over the API, for the widget and the console: an upload is the file's bytes (its name in the query), a
// download is fetched with the bearer token (an <img> cannot send one) and shown from an object URL. Runtime: browser.
import { ApiError, responseError } from './api.ts';
import type { Attachment, UploadedAttachment } from './api-types.ts';

/** The types the server accepts (it decides by content; this only spares a doomed upload). */
export const ACCEPTED_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
];

/** Files one message takes. */
export const MAX_FILES = 5;

/** The server's default MAX_ATTACHMENT_BYTES; a larger file is refused before it is sent. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Uploads `file` to `url` (`…/conversations/{id}/attachments` or `…/tickets/{id}/attachments`). */
export async function uploadAttachment(url: string, token: string, file: Blob, name: string): Promise<Attachment> {
  let response: Response;
  try {
    response = await fetch(`${url}?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: file,
    });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'network error');
  }
  if (!response.ok) throw await responseError(response, `http_${response.status}`);
  return ((await response.json()) as UploadedAttachment).attachment;
}

/** The file's bytes, typed as the server sniffed them. */
export async function fetchAttachment(base: string, id: string, token: string): Promise<Blob> {
  const response = await fetch(`${base}/v1/attachments/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw await responseError(response, `http_${response.status}`);
  return response.blob();
}
