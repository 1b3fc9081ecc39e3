// The token sign-in form both consoles open with. Runtime: browser.
import { STRINGS, fill, uiLang } from '../i18n.ts';
import { ApiError, errorText } from './api.ts';
import { h } from './dom.ts';

/**
 * Renders the form into `host`; `onToken` receives the trimmed token and the alert to report a refusal in.
 * While an attempt is in flight the button is disabled, so a double click signs in once.
 */
export function showSignInForm(
  host: HTMLElement,
  options: {
    id: string;
    title: string;
    message: string;
    onToken: (token: string, alert: HTMLElement) => Promise<void>;
  },
): void {
  const t = STRINGS[uiLang(document.documentElement.lang)];
  const input = h('input', { id: options.id, type: 'password', autocomplete: 'off', required: true });
  const alert = h('p', { className: 'alert', role: 'alert' }, options.message);
  const button = h('button', { type: 'submit', className: 'primary' }, t.signIn);
  const form = h(
    'form',
    {
      className: 'signin',
      onsubmit: (event) => {
        event.preventDefault();
        const token = input.value.trim();
        if (token === '' || button.disabled) return;
        button.disabled = true;
        void options.onToken(token, alert).finally(() => {
          button.disabled = false;
        });
      },
    },
    h('h1', {}, `${options.title} — ${t.signInTitle}`),
    h('label', { for: options.id }, t.tokenLabel),
    input,
    alert,
    button,
  );
  host.replaceChildren(h('main', { className: 'signin-page' }, form));
  input.focus();
}

/**
 * A refused sign-in: only a token the service rejected (401/403) is forgotten (from `storage`, the tab's session
 * storage unless told), so a network blip keeps it for the next try. The reason goes to the form's alert, or a
 * fresh form when there was none (a stored token).
 */
export function refuseSignIn(
  error: unknown,
  options: {
    tokenKey: string;
    alert: HTMLElement | undefined;
    showForm: (message: string) => void;
    storage?: Storage;
  },
): void {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403))
    (options.storage ?? sessionStorage).removeItem(options.tokenKey);
  const message = fill(STRINGS[uiLang(document.documentElement.lang)].signInFailed, { message: errorText(error) });
  if (options.alert === undefined) options.showForm(message);
  else options.alert.textContent = message;
}
