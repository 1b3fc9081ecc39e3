// The customer chat widget's entry: one <script> tag on any page (or inline on /chat) mounts it, floating or inline,
// in the page's language, talking to the API where the script came from. Runtime: browser.
import { uiLang } from '../i18n.ts';
import { ChatWidget } from './widget/chat-widget.ts';
import { customerClaim, installIdentify, scriptUser } from './widget/host-identity.ts';
import { ensureViewportMeta, fitInline } from './widget/viewport-fit.ts';

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
const BASE = script === null ? location.origin : new URL(script.src, location.href).origin;
/**
 * The server's MAX_TEXT_LENGTH: its default, unless the page says otherwise in `data-max-length` (the server's
 * pages do not know the configured value; a refusal as too long tells the widget the real limit).
 */
const DEFAULT_MAX_LENGTH = 4000;

function maxLength(): number {
  const given = Number(script?.dataset.maxLength);
  return Number.isInteger(given) && given > 0 ? given : DEFAULT_MAX_LENGTH;
}

/** Who the host page says the customer is: the script tag's `data-user-*`, until `Firstline.identify` says otherwise. */
let user = scriptUser(script?.dataset);
let widget: ChatWidget | undefined;
installIdentify((next) => {
  user = next;
  widget?.identify();
});

function mount(): void {
  const mode = script?.dataset.mode === 'inline' ? 'inline' : 'floating';
  const lang = uiLang(script?.dataset.lang ?? (document.documentElement.lang || navigator.language));
  const target =
    mode === 'inline' && script?.dataset.target !== undefined
      ? document.querySelector<HTMLElement>(script.dataset.target)
      : null;
  ensureViewportMeta();
  const host = target ?? document.body.appendChild(document.createElement('div'));
  host.classList.add('firstline-widget');
  widget = new ChatWidget(host, target === null ? 'floating' : mode, lang, BASE, maxLength(), () =>
    customerClaim(user),
  );
  if (target !== null && mode === 'inline') fitInline(host);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
