// The console's files: the assignee's paperclip beside the reply box (files go up to the ticket, then the reply
// names them), and the transcript's files fetched with the agent's token. Runtime: browser.
import { fill } from '../../i18n.ts';
import { AttachmentPicker, uploadRefusal, UploadFailed } from '../attachment-picker.ts';
import { fetchAttachment } from '../attachment-api.ts';
import { errorText } from '../api.ts';
import { t } from '../page-lang.ts';

/** A picker whose refusals are shown by `show` in the console's language. */
export function replyFiles(show: (text: string) => void): AttachmentPicker {
  return new AttachmentPicker(
    () => t,
    (refusal) => show(fill(t[refusal.key], refusal.values)),
  );
}

/** Uploads the waiting files to the ticket; their ids, or a message to show when one was refused or failed. */
export async function uploadReplyFiles(
  picker: AttachmentPicker,
  ticketId: string,
  token: string,
): Promise<{ readonly ids: string[] } | { readonly failure: string }> {
  if (picker.pending.length === 0) return { ids: [] };
  try {
    const uploaded = await picker.upload(
      `${location.origin}/v1/tickets/${encodeURIComponent(ticketId)}/attachments`,
      token,
    );
    return { ids: uploaded.map(({ attachment }) => attachment.id) };
  } catch (error) {
    const refusal = uploadRefusal(error);
    if (refusal !== undefined) return { failure: fill(t[refusal.key], refusal.values) };
    const cause = error instanceof UploadFailed ? error.cause : error;
    return { failure: fill(t.actionFailed, { message: errorText(cause) }) };
  }
}

/** Loads a transcript's file with the signed-in agent's token. */
export const agentFileLoader =
  (token: () => string | undefined) =>
  (id: string): Promise<Blob> =>
    fetchAttachment(location.origin, id, token() ?? '');
