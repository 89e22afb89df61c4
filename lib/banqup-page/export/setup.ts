/**
 * Export helpers on Banqup pages: tells the worker which invoices are ticked (for "Send N
 * selected invoices to Yokoy"), and puts a "Send to Yokoy" button on an invoice's page. They
 * only ever name Banqup document ids; the worker decides what to fetch. Plain DOM in closed
 * shadow roots (lib/in-page/mount; no framework) keeps the module small; everything is tied to
 * `ctx`, and the page is watched once per frame (lib/in-page/watch).
 * "Send" acts on the user's own click only (lib/in-page/trusted.ts); the worker never lifts a
 * pause for it (lib/export/service.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { askVia, type Ask } from '../../messaging/ask';
import type { Answers } from '../../messaging/protocol';
import type { PageModuleEnv } from '../env';
import { banqupDocumentsSite as site } from '../../sites/banqup/documents';
import { mountInPage, type InPageUi } from '../../in-page/mount';
import { watchPage } from '../../in-page/watch';
import { exportText } from '../../i18n/banqup-page';
import { subscribeToProgress } from '../../messaging/progress-subscribe';
import { holdsDetail, holdsTickedBox, redrawnAsWas, shownDocument, tickedDocumentIds } from './selection';

export const SEND_BUTTON_HOST = 'yokoy-companion-send';

// Their styles are the content script's (entrypoints/banqup.content/style.css, on the design tokens), which WXT puts in each shadow root.

export const PROGRESS_HOST = 'yokoy-companion-progress';

/**
 * The export's progress on Banqup's page while a run has work left: one question at load (which
 * also tells the worker a Banqup session is open), then the worker's pushes over the progress
 * port while running (no polling).
 */
async function showProgress(ctx: ContentScriptContext, env: PageModuleEnv, ask: Ask, doc: Document, lang: () => string): Promise<void> {
  const answer = await ask({ type: 'export.progress' });
  if (!answer.ok || answer.value.remaining === 0) return;
  let text: HTMLParagraphElement | undefined;
  let fill: HTMLSpanElement | undefined;
  let bar: HTMLDivElement | undefined;
  const ui = await mountInPage(ctx, {
    name: PROGRESS_HOST,
    doc,
    render(container) {
      const panel = doc.createElement('div');
      panel.className = 'export-progress';
      text = doc.createElement('p');
      bar = doc.createElement('div');
      bar.className = 'bar';
      bar.setAttribute('role', 'progressbar');
      fill = doc.createElement('span');
      bar.append(fill);
      panel.append(text, bar);
      container.append(panel);
    },
  });
  const render = (p: Answers['export.progress']) => {
    const done = p.total - p.remaining;
    const label = exportText(lang(), p.remaining === 0 ? 'finished' : 'progress', { done, total: p.total });
    if (text) text.textContent = label;
    bar?.setAttribute('aria-label', label);
    bar?.setAttribute('aria-valuemax', String(p.total));
    bar?.setAttribute('aria-valuenow', String(done));
    if (fill) fill.style.width = `${p.total ? (100 * done) / p.total : 0}%`;
    if (p.remaining === 0) bar?.parentElement?.setAttribute('data-finished', '');
  };
  render(answer.value);
  let ended = false;
  const stop = subscribeToProgress(env.runtime as never, ({ progress }) => {
    if (ended) return;
    render(progress);
    if (progress.remaining === 0) {
      ended = true;
      stop();
      ctx.setTimeout(() => ui.remove(), 5_000);
    }
  });
  ui.signal.addEventListener('abort', stop);
}

export function setupBanqupExport(ctx: ContentScriptContext, env: PageModuleEnv, doc: Document = document): void {
  const lang = () => doc.documentElement.lang;
  const ask = askVia(env.runtime);
  void showProgress(ctx, env, ask, doc, lang);

  // Selection: recomputed after the page has handled the click (select-all ticks rows itself).
  // A tab loaded in front reports even an empty selection at first (it resets the menu); one
  // loaded in the background waits until it comes to the front.
  let lastSelection: string | undefined = doc.visibilityState === 'visible' ? undefined : '';
  const reportSelection = () => {
    const ids = tickedDocumentIds(doc);
    const key = ids.join(',');
    if (key === lastSelection) return;
    lastSelection = key;
    void ask({ type: 'export.selection', documentIds: ids });
  };
  ctx.addEventListener(doc, 'change', () => ctx.requestAnimationFrame(reportSelection), { capture: true });
  // The menu's "N selected" follows the tab in front: say it again when this tab comes back.
  ctx.addEventListener(doc, 'visibilitychange', () => {
    if (doc.visibilityState !== 'visible') return;
    lastSelection = undefined;
    reportSelection();
  });

  // The detail page's button, mounted while an invoice is shown (the page is a SPA).
  let button: { ui: InPageUi; documentId: string; shown: Element } | undefined;
  let mounting = false;
  let awaitingAnchor = false;
  const syncButton = async () => {
    awaitingAnchor = false;
    const shown = shownDocument(doc);
    const documentId = shown?.id;
    if (button && button.documentId !== documentId) {
      button.ui.remove();
      button = undefined;
    }
    // The same document drawn again (a new element): watch the new one for leaving.
    if (button && shown) button.shown = shown.el;
    if (!documentId || button || mounting) return;
    const anchor = site.detailButtonAnchor.map((s) => doc.querySelector(s)).find(Boolean);
    // A document shown before its heading is drawn: any element arriving may be the heading.
    awaitingAnchor = !anchor;
    if (!anchor) return;
    mounting = true;
    const ui = await mountInPage(ctx, {
      name: SEND_BUTTON_HOST,
      after: anchor,
      doc,
      render(container) {
        const wrap = doc.createElement('div');
        wrap.className = 'send';
        const press = doc.createElement('button');
        press.type = 'button';
        press.textContent = exportText(lang(), 'send');
        const status = doc.createElement('span');
        status.setAttribute('role', 'status');
        status.setAttribute('aria-live', 'polite');
        press.addEventListener('click', async () => {
          press.disabled = true;
          status.textContent = '';
          const answer = await ask({ type: 'export.enqueue', documentIds: [documentId], source: 'button' });
          press.disabled = false;
          status.textContent = !answer.ok
            ? exportText(lang(), 'failed', { problem: answer.failure.detail })
            : answer.value.problem
              ? exportText(lang(), 'needsSetup')
              : answer.value.alreadyInYokoy
                ? exportText(lang(), 'already')
                : exportText(lang(), 'queued');
        });
        wrap.append(press, status);
        container.append(wrap);
      },
    });
    button = { ui, documentId, shown: shown.el };
    mounting = false;
  };

  // Only elements coming or going can show a detail page or change the rows: text rewritten
  // in place (a list updating its amounts every frame), attributes, scrolling and typing are
  // skipped without reading the page (ticking a box is the `change` listener's, above). Of
  // those, only what they hold is read, never the page: a detail page arriving, a ticked row
  // coming or going, the shown document leaving (a 3,000-row list redrawing a row per frame
  // cost ~20 ms per frame when every redraw re-read the whole list).
  // Each reading is redone only for what may have changed it (the detail query is dear on a big list).
  let buttonMayChange = false;
  let selectionMayChange = false;
  const mayMatter = (r: MutationRecord) => {
    const added = [...r.addedNodes];
    const removed = [...r.removedNodes];
    if (
      added.some((n) => (awaitingAnchor && n.nodeType === 1) || holdsDetail(n)) ||
      (removed.length && button && !button.shown.isConnected)
    )
      buttonMayChange = true;
    // A ticked row redrawn as it was leaves the selection as it was (no re-read of the list).
    if ((added.some(holdsTickedBox) || removed.some(holdsTickedBox)) && !redrawnAsWas(r)) selectionMayChange = true;
    return buttonMayChange || selectionMayChange;
  };
  const watching = { attributes: [], text: false, input: false, layout: false, relevant: mayMatter };
  watchPage({ ...watching, doc, win: doc.defaultView ?? window, signal: ctx.signal }, () => {
    if (buttonMayChange) void syncButton();
    if (selectionMayChange) reportSelection();
    buttonMayChange = selectionMayChange = false;
  });
  void syncButton();
}
