// Files waiting to be sent, in the widget and the console: a labelled paperclip button (and paste or drop onto the
// composer) adds images and PDFs, each listed with a remove button until the message goes; a file of the wrong type
// or size is refused at once, in the reader's language. Sending uploads them first, then the message names their
// ids. Runtime: browser.
import { fill, type UiStrings } from '../i18n.ts';
import { ApiError } from './api.ts';
import type { Attachment } from './api-types.ts';
import { ACCEPTED_TYPES, MAX_FILES, MAX_FILE_BYTES, uploadAttachment } from './attachment-api.ts';
import { formatSize } from './attachment-view.ts';
import { h } from './dom.ts';

const MAX_FILE_MEGABYTES = MAX_FILE_BYTES / (1024 * 1024);

/** What to say about a refused file: a string's key and its placeholders' values. */
export interface PickerRefusal {
  readonly key: keyof UiStrings;
  readonly values: Readonly<Record<string, string | number>>;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A paperclip drawn with DOM calls (no font has to carry the glyph); hidden from assistive technology. */
function paperclip(): SVGSVGElement {
  const icon = document.createElementNS(SVG, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('width', '18');
  icon.setAttribute('height', '18');
  icon.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute(
    'd',
    'M21 11.5 12.5 20a5.5 5.5 0 0 1-7.8-7.8l9-9a3.7 3.7 0 0 1 5.2 5.2l-9 9a1.8 1.8 0 0 1-2.6-2.6l8.3-8.3',
  );
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '2');
  path.setAttribute('stroke-linecap', 'round');
  icon.append(path);
  return icon;
}

/** An upload that failed, naming the file. */
export class UploadFailed extends Error {
  constructor(
    readonly fileName: string,
    override readonly cause: unknown,
  ) {
    super(`upload of ${fileName} failed`);
  }
}

/**
 * What to tell the customer about a file the server refused (too large, not an image or PDF by its content); undefined
 * for any other failure, which is reported like a failed message (network, rate limits: it may be retried).
 */
export function uploadRefusal(error: unknown): PickerRefusal | undefined {
  if (!(error instanceof UploadFailed) || !(error.cause instanceof ApiError)) return undefined;
  const name = error.fileName;
  const { status } = error.cause;
  if (status === 413) return { key: 'attachmentTooLarge', values: { name, max: MAX_FILE_MEGABYTES } };
  if (status === 415) return { key: 'attachmentWrongType', values: { name } };
  if (status === 400) return { key: 'attachmentFailed', values: { name } };
  return undefined;
}

export class AttachmentPicker {
  readonly input = h('input', { type: 'file', accept: ACCEPTED_TYPES.join(','), multiple: true, hidden: true });
  readonly button = h('button', { type: 'button', className: 'attach' }, paperclip());
  readonly list = h('ul', { className: 'pending-files', hidden: true });
  private files: File[] = [];

  constructor(
    private readonly strings: () => UiStrings,
    private readonly refuse: (refusal: PickerRefusal) => void,
  ) {
    this.button.addEventListener('click', () => this.input.click());
    this.input.addEventListener('change', () => {
      this.add([...(this.input.files ?? [])]);
      this.input.value = '';
    });
    this.relabel();
  }

  /** Lets `target` take pasted and dropped files too. */
  acceptFrom(target: HTMLElement): void {
    target.addEventListener('paste', (event) => {
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length > 0) this.add(files);
    });
    target.addEventListener('dragover', (event) => event.preventDefault());
    target.addEventListener('drop', (event) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      this.add(files);
    });
  }

  get pending(): readonly File[] {
    return this.files;
  }

  add(files: readonly File[]): void {
    for (const file of files) {
      if (this.files.length >= MAX_FILES) {
        this.refuse({ key: 'attachmentTooMany', values: { max: MAX_FILES } });
        break;
      }
      if (!ACCEPTED_TYPES.includes(file.type)) this.refuse({ key: 'attachmentWrongType', values: { name: file.name } });
      else if (file.size > MAX_FILE_BYTES)
        this.refuse({
          key: 'attachmentTooLarge',
          values: { name: file.name, max: MAX_FILE_MEGABYTES },
        });
      else if (file.size > 0) this.files.push(file);
    }
    this.render();
  }

  clear(): void {
    this.files = [];
    this.render();
  }

  /** Uploads every waiting file to `url`; the files stay listed until the message is sent. */
  async upload(url: string, token: string): Promise<Array<{ readonly attachment: Attachment; readonly file: File }>> {
    const uploaded = [];
    for (const file of this.files) {
      try {
        uploaded.push({ attachment: await uploadAttachment(url, token, file, file.name), file });
      } catch (error) {
        throw new UploadFailed(file.name, error);
      }
    }
    return uploaded;
  }

  relabel(): void {
    const t = this.strings();
    this.button.setAttribute('aria-label', t.attach);
    this.button.title = t.attach;
    this.list.setAttribute('aria-label', t.attachmentsPending);
    this.render();
  }

  private render(): void {
    const t = this.strings();
    this.list.replaceChildren(
      ...this.files.map((file, index) =>
        h(
          'li',
          {},
          h('span', {}, `${file.name} (${formatSize(file.size, t)})`),
          h(
            'button',
            {
              type: 'button',
              className: 'remove',
              'aria-label': fill(t.attachmentRemove, { name: file.name }),
              onclick: () => {
                this.files.splice(index, 1);
                this.render();
                this.button.focus();
              },
            },
            '×',
          ),
        ),
      ),
    );
    this.list.hidden = this.files.length === 0;
  }
}
