// The rating form a resolved conversation shows once: one to five stars and an optional comment; after sending,
// thanks and a button to start a new conversation. Runtime: browser.
import type { UiStrings } from '../../i18n.ts';
import { ApiError } from '../api.ts';
import type { Rating } from '../api-types.ts';
import { h } from '../dom.ts';
import { localText } from './local-text.ts';

export interface RatingHandlers {
  /** Sends the rating; undefined when there is no conversation to rate. */
  readonly send: (rating: Rating) => Promise<unknown> | undefined;
  /** The rating was recorded (now, or before: a second rating is refused as a conflict). */
  readonly onRated: () => void;
  readonly onNewConversation: () => void;
  /** Sending failed (not as a conflict): the widget says so in its language. */
  readonly onError: (error: unknown) => void;
}

/** Shows the form in `form` unless it is showing already. */
export function showRatingForm(form: HTMLFormElement, t: UiStrings, handlers: RatingHandlers): void {
  if (!form.hidden) return;
  const stars = [1, 2, 3, 4, 5].map((n) =>
    h(
      'label',
      {},
      h('input', { type: 'radio', name: 'score', value: n, required: n === 1 }),
      localText(t, 'rateStar', { n }),
    ),
  );
  const comment = h('textarea', { id: 'fl-comment', name: 'comment', maxlength: 2000 });
  form.replaceChildren(
    h('fieldset', {}, h('legend', {}, localText(t, 'rateTitle')), h('div', { className: 'stars' }, stars)),
    h('label', { for: 'fl-comment' }, localText(t, 'rateComment')),
    comment,
    h('button', { type: 'submit', className: 'primary' }, localText(t, 'rateSend')),
  );
  form.onsubmit = (event) => {
    event.preventDefault();
    const score = Number(new FormData(form).get('score'));
    if (!(score >= 1 && score <= 5)) return;
    const text = comment.value.trim();
    const sent = handlers.send(text === '' ? { score } : { score, comment: text });
    if (sent === undefined) return;
    void sent
      .catch((error: unknown) => {
        if (!(error instanceof ApiError && error.code.startsWith('conflict'))) throw error;
      })
      .then(() => {
        handlers.onRated();
        const again = h(
          'button',
          { type: 'button', className: 'secondary', onclick: handlers.onNewConversation },
          localText(t, 'newConversation'),
        );
        form.replaceChildren(h('p', { role: 'status' }, localText(t, 'rateThanks')), again);
        again.focus();
      })
      .catch((error: unknown) => handlers.onError(error));
  };
  form.hidden = false;
}
