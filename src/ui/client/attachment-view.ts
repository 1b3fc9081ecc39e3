// A message's files as the widget and the console show them: images inline, PDFs as links with name and size. The
// bytes come from `load` (fetched with the reader's token) and are shown from object URLs; names are always text,
// and nothing from a file is ever parsed as markup. Runtime: browser.
import { fill, type UiStrings } from '../i18n.ts';
import type { Attachment } from './api-types.ts';
import { h } from './dom.ts';

export type LoadAttachment = (id: string) => Promise<Blob>;

/** "812 B", "14 KB", "2.4 MB" in the reader's language. */
export function formatSize(bytes: number, t: UiStrings): string {
  if (bytes < 1024) return `${bytes} ${t.sizeBytes}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ${t.sizeKilobytes}`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} ${t.sizeMegabytes}`;
}

/** The list of `attachments`, or null when there are none. */
export function attachmentList(
  attachments: readonly Attachment[] | undefined,
  t: UiStrings,
  load: LoadAttachment,
): HTMLUListElement | null {
  if (attachments === undefined || attachments.length === 0) return null;
  return h(
    'ul',
    { className: 'attachments', 'aria-label': t.attachmentsOfMessage },
    attachments.map((attachment) => h('li', {}, attachmentItem(attachment, t, load))),
  );
}

function attachmentItem(attachment: Attachment, t: UiStrings, load: LoadAttachment): HTMLElement {
  const text = fill(t.attachmentLink, { name: attachment.name, size: formatSize(attachment.bytes, t) });
  const failed = (element: HTMLElement) =>
    element.replaceWith(
      h('span', { className: 'attachment-failed' }, fill(t.attachmentFailed, { name: attachment.name })),
    );
  if (attachment.type.startsWith('image/')) {
    const image = h('img', { alt: attachment.name, title: text, className: 'attachment-image' });
    const link = h('a', { className: 'attachment', target: '_blank', rel: 'noopener', title: text }, image);
    load(attachment.id)
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        image.src = url;
        link.href = url;
      })
      .catch(() => failed(link));
    return link;
  }
  // A document is fetched when asked for, then saved under its name.
  const link = h('a', { className: 'attachment file', href: '#', download: attachment.name }, text);
  link.addEventListener('click', (event) => {
    if (link.dataset.ready === 'true') return;
    event.preventDefault();
    load(attachment.id)
      .then((blob) => {
        link.href = URL.createObjectURL(blob);
        link.dataset.ready = 'true';
        link.click();
      })
      .catch(() => failed(link));
  });
  return link;
}
