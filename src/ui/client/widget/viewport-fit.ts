// Keeps the widget usable on phones: the host page's viewport, and an inline widget's height fitted to the screen
// so its composer stays in view. Runtime: browser.
import { h } from '../dom.ts';

const NARROW = 480;

/**
 * A page without `<meta name="viewport">` is laid out about 980 px wide on a phone and zoomed out, so the widget
 * (sized in CSS px) renders tiny and its phone layout never applies. On a narrow screen the widget adds the usual
 * tag once. We chose this over scaling the panel with CSS `zoom`: zooming breaks fixed positioning and the
 * on-screen keyboard's resizing, while the tag only gives the page the layout every mobile browser recommends.
 * Wide screens and pages that declare a viewport are left alone.
 */
export function ensureViewportMeta(): void {
  if (document.querySelector('meta[name="viewport"]') !== null) return;
  if (Math.min(screen.width, screen.height) > NARROW) return;
  document.head.append(h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }));
}

/**
 * An inline widget on a narrow screen takes the height left below its place on the page, so the composer is in view
 * without scrolling (or, with less than half the screen left, the screen's height); it follows the on-screen
 * keyboard and rotation. The
 * property `--fl-fit-height` on the host is inherited into the shadow root, whose CSS uses it on narrow screens only.
 */
export function fitInline(host: HTMLElement): void {
  const fit = () => {
    const viewport = window.visualViewport?.height ?? window.innerHeight;
    const top = host.getBoundingClientRect().top + window.scrollY;
    const below = Math.floor(viewport - top - 8);
    // Too little room below the page's text: the panel fills the screen once the customer scrolls to it.
    const height = below >= viewport * 0.5 ? below : Math.floor(viewport - 16);
    host.style.setProperty('--fl-fit-height', `${height}px`);
  };
  fit();
  window.addEventListener('resize', fit);
  window.visualViewport?.addEventListener('resize', fit);
}
