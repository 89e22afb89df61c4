/**
 * The one way the companion draws on a third-party page (Banqup's, Yokoy's): the launcher, the
 * guide, the export's progress panel and Send button, and the Yokoy assistant all mount here.
 *
 * - A host element `<yokoy-companion-…>` with a closed shadow root: the page sees the host and
 *   nothing inside it (no attribute, no open root, no global; issue 12). Inside: the content
 *   script's stylesheet (cssInjectionMode 'ui', fetched from the extension once per page, the
 *   design tokens' `:root` rules moved to `:host`) and `<html><body>`, where the UI is built
 *   (the stylesheets' element rules expect that shape, as WXT's helper drew it).
 * - The user-gesture gate (./trusted.ts) on the root, ahead of every handler of the UI.
 * - Tied to the content script's context: removed when the extension goes away (ctx
 *   invalidated) or on `remove()`; `signal` aborts then, for whatever the UI started.
 * - `watch`: the page watched once per frame while the UI is there (./watch.ts).
 * The UI is built before its host enters the page: the page sees one insertion, never the
 * parts. Not WXT's createShadowRootUi: that left the root's mode, the gate and the watching to
 * each caller, and carries auto-mounting and document-level CSS that nothing here uses (our
 * stylesheets have no @property or @font-face, the only rules it moves out to the page).
 */
// In the Banqup page module's build `wxt/browser` is WXT's plain one (no polyfill): only
// runtime.getURL is asked of it, the same in every browser.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { userGestures, type GateFactory, type GestureGate } from './trusted';
import { watchPage, type PageChange, type WatchEnv } from './watch';

export interface MountOptions {
  /** The host's name: a custom element's (two words) can carry a shadow root. */
  name: `yokoy-companion-${string}`;
  /** The page's element the host goes right after (default: last in <body>). */
  after?: Element;
  doc?: Document;
  /** The language the UI speaks, on the root's <html>. */
  lang?: string;
  /** Builds the UI into `container` (the root's <body>), once, before the host is in the page. */
  render(container: HTMLElement, ui: InPageUi): void;
  /** Calls `onChange` at most once per frame after the page changed, while the UI is there. */
  watch?: Omit<WatchEnv, 'doc' | 'win' | 'signal'> & { onChange(change: PageChange): void };
  /** Another gate: unit tests only (happy-dom has no trusted events). The root is always closed. */
  gate?: GateFactory;
}

export interface InPageUi {
  host: HTMLElement;
  root: ShadowRoot;
  /** The root's gate: keyboard shortcuts outside the root ask it too (`gate.key`). */
  gate: GestureGate;
  /** Aborts when the UI is removed (by `remove()` or the extension going away). */
  signal: AbortSignal;
  remove(): void;
}

/** The function itself, for code in another chunk that gets it passed in (the guide). */
export type Mount = typeof mountInPage;

let stylesheet: Promise<string> | undefined;

function styles(ctx: ContentScriptContext): Promise<string> {
  if (ctx.options?.cssInjectionMode !== 'ui') return Promise.resolve('');
  // The content script's CSS is no public path WXT types; it is web-accessible for its origins.
  const url = (browser.runtime.getURL as (path: string) => string)(`/content-scripts/${import.meta.env.ENTRYPOINT}.css`);
  stylesheet ??= fetch(url)
    .then((response) => response.text())
    .then((css) => css.replaceAll(':root', ':host'))
    .catch(() => {
      // The extension mid-update: this UI goes unstyled, the next one asks again.
      stylesheet = undefined;
      return '';
    });
  return stylesheet;
}

export async function mountInPage(ctx: ContentScriptContext, options: MountOptions): Promise<InPageUi> {
  const doc = options.doc ?? document;
  const css = await styles(ctx);
  const host = doc.createElement(options.name);
  const root = host.attachShadow({ mode: 'closed' });
  const html = doc.createElement('html');
  if (options.lang) html.lang = options.lang;
  const head = doc.createElement('head');
  const style = doc.createElement('style');
  // The page's rules reach the host element itself: reset it first (as WXT did).
  style.textContent = `:host{all:initial !important;}\n${css}`;
  head.append(style);
  const body = doc.createElement('body');
  html.append(head, body);
  root.append(html);

  const abort = new AbortController();
  const gate = (options.gate ?? userGestures)({ root, host, doc });
  let forget = () => undefined as void;
  const ui: InPageUi = {
    host,
    root,
    gate,
    signal: abort.signal,
    remove() {
      if (abort.signal.aborted) return;
      abort.abort();
      forget();
      gate.stop();
      host.remove();
    },
  };
  options.render(body, ui);
  if (!ctx.isValid) {
    ui.remove();
    return ui;
  }
  forget = ctx.onInvalidated(ui.remove);
  if (options.after) options.after.parentElement?.insertBefore(host, options.after.nextElementSibling);
  else doc.body.append(host);
  if (options.watch) {
    const { onChange, ...watch } = options.watch;
    const ignore = watch.ignore;
    // Our own host coming and going is not the page changing.
    watchPage(
      { ...watch, doc, win: doc.defaultView ?? window, signal: abort.signal, ignore: (n) => n === host || !!ignore?.(n) },
      onChange,
    );
  }
  return ui;
}
