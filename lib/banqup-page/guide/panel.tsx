/** @jsxImportSource ~/lib/in-page/dom */
/**
 * The guide's panel: a non-modal dialog with the step's title, "Step 5 of 14", one or two
 * sentences (announced through a polite live region when the step changes), what the step
 * offers (fill from the vault, the live-verification check, the legal entities, the first
 * export, or the words-only fallback with "I've done this") and Back / Next / Close. Built
 * once; `update` changes text in place and rebuilds only the part that changed, keeping focus.
 */
import type { GuideContextAnswer } from '../../messaging/protocol';
import type { Step, VaultField } from '../../sites/banqup/setup-steps';
import type { Translate } from './text';

export interface PanelView {
  t: Translate;
  index: number;
  total: number;
  step: Step;
  /** The step the page shows the user is at (index). */
  currentIndex: number;
  /** The step's control is not on the page: its label, for the words-only fallback. */
  missing?: string;
  context?: GuideContextAnswer;
  /** A short outcome of the user's last action in the panel. */
  note?: string;
  /** New Banqup (no accounting wizard, no Yokoy extension): what the guide sees there instead of a step. */
  newPlatform?: { apps: string[] };
}

export interface PanelHandlers {
  back(): void;
  next(): void;
  close(): void;
  goCurrent(): void;
  acknowledge(): void;
  fill(field: VaultField): void;
  openYokoy(): void;
  recheck(): void;
  chooseEntity(entity: { id: string; name: string }): void;
  exportFirst(): void;
}

export interface GuidePanel {
  el: HTMLElement;
  update(view: PanelView): void;
}

const button = (key: string, label: string, onClick: () => void, kind = 'secondary') => (
  <button type="button" class={`btn ${kind}`} data-key={key} onClick={onClick}>
    {label}
  </button>
);

function extras(view: PanelView, on: PanelHandlers): Node[] {
  const { t, step, context } = view;
  if (view.index !== view.currentIndex) {
    return [
      <p class="note">{t('preview', { n: view.currentIndex + 1 })}</p>,
      button('current', t('current', { n: view.currentIndex + 1 }), on.goCurrent),
    ];
  }
  const parts: (Node | null | (Node | null)[])[] = [];
  if (view.missing !== undefined) {
    parts.push(<p class="warn">{t('notFound', { control: view.missing })}</p>, button('ack', t('doneIt'), on.acknowledge, 'primary'));
  } else if (step.fill) {
    const field = step.fill;
    parts.push(
      context?.available[field]
        ? button(`fill-${field}`, t('fill'), () => on.fill(field), 'primary')
        : [<p class="warn">{t('missing')}</p>, button('yokoy', t('openYokoy'), on.openYokoy)],
    );
  }
  if (step.extra === 'verified' && context) {
    parts.push(
      context.connection.state === 'verified' ? (
        <p class="ok" data-testid="guide-verified">
          {t('verified')}
        </p>
      ) : (
        [
          <p class="warn" data-testid="guide-not-verified">
            {t('notVerified')}
          </p>,
          button('recheck', t('recheck'), on.recheck),
        ]
      ),
    );
  }
  if (step.extra === 'entities') {
    const entities = context?.legalEntities ?? [];
    const chosen = entities.find((e) => e.id === context?.legalEntityId);
    parts.push(
      entities.length ? (
        [
          <p>{t('entities')}</p>,
          <ul class="entities" data-testid="guide-entities">
            {entities.map((e) => (
              <li data-chosen={e.id === chosen?.id ? 'true' : 'false'}>
                {e.name}
                {e.id === chosen?.id ? <strong> · {t('chosen')}</strong> : null}
              </li>
            ))}
          </ul>,
          chosen && view.missing === undefined
            ? button('choose', t('choose', { name: chosen.name }), () => on.chooseEntity(chosen), 'primary')
            : null,
        ]
      ) : (
        <p class="warn">{t('noEntities')}</p>
      ),
    );
  }
  if (step.extra === 'export') parts.push(button('export', t('exportFirst'), on.exportFirst, 'primary'));
  if (view.note)
    parts.push(
      <p class="note" role="status">
        {view.note}
      </p>,
    );
  return parts.flat().filter((n): n is Node => Boolean(n));
}

/** New Banqup: what the page shows, what Banqup cannot do there, and the companion's own export. */
function newPlatformParts(view: PanelView, on: PanelHandlers): Node[] {
  const { t } = view;
  return [<p data-testid="guide-new-offer">{t('newOffer')}</p>, button('export', t('newExport'), on.exportFirst, 'primary')];
}

export function createGuidePanel(on: PanelHandlers, t: Translate): GuidePanel {
  let title!: HTMLElement;
  let progress!: HTMLElement;
  let bar!: HTMLElement;
  let body!: HTMLElement;
  let more!: HTMLElement;
  let back!: HTMLElement;
  let next!: HTMLElement;
  const el = (
    <section
      class="panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="guide-title"
      aria-describedby="guide-body"
      tabindex="-1"
      data-testid="guide-panel"
    >
      <header class="head">
        <p class="eyebrow">{t('title')}</p>
        <button type="button" class="close" data-key="close" aria-label={t('close')} aria-keyshortcuts="Escape" onClick={on.close}>
          ×
        </button>
      </header>
      <p class="progress" data-testid="guide-progress" ref={(e) => (progress = e as HTMLElement)} />
      <div class="bar" aria-hidden="true">
        <span ref={(e) => (bar = e as HTMLElement)} />
      </div>
      <h2 id="guide-title" tabindex="-1" ref={(e) => (title = e as HTMLElement)} />
      <div id="guide-body" class="body" aria-live="polite" ref={(e) => (body = e as HTMLElement)} />
      <div class="more" ref={(e) => (more = e as HTMLElement)} />
      <nav class="nav" aria-label={t('title')}>
        <button
          type="button"
          class="btn secondary"
          data-key="back"
          aria-keyshortcuts="ArrowLeft"
          onClick={() => back.getAttribute('aria-disabled') !== 'true' && on.back()}
          ref={(e) => (back = e as HTMLElement)}
        >
          {t('back')}
        </button>
        <button
          type="button"
          class="btn secondary"
          data-key="next"
          aria-keyshortcuts="ArrowRight"
          onClick={() => next.getAttribute('aria-disabled') !== 'true' && on.next()}
          ref={(e) => (next = e as HTMLElement)}
        >
          {t('next')}
        </button>
      </nav>
    </section>
  ) as HTMLElement;

  let shown = '';
  let extrasKey = '';
  return {
    el,
    update(view) {
      if (view.newPlatform) {
        const apps = view.newPlatform.apps.length ? view.t('newApps', { apps: view.newPlatform.apps.join(', ') }) : '';
        const text = `${view.t('newSeen', { apps })} ${view.t('newCannot')}`;
        el.dataset.step = 'new-platform';
        el.dataset.state = 'platform';
        if (shown !== text) {
          shown = text;
          title.textContent = view.t('newTitle');
          progress.textContent = '';
          bar.style.width = '0';
          body.textContent = text;
        }
        back.setAttribute('aria-disabled', 'true');
        next.setAttribute('aria-disabled', 'true');
        const key = JSON.stringify(['new', view.note]);
        if (key !== extrasKey) {
          extrasKey = key;
          more.replaceChildren(
            ...newPlatformParts(view, on),
            ...(view.note
              ? [
                  <p class="note" role="status">
                    {view.note}
                  </p>,
                ]
              : []),
          );
        }
        return;
      }
      const { step } = view;
      el.dataset.step = step.id;
      el.dataset.state = view.index !== view.currentIndex ? 'preview' : view.missing !== undefined ? 'missing' : 'found';
      const text = view.t(step.body);
      // Text is set only when it changes, so the live region speaks once per step, not per frame.
      if (shown !== step.id + text) {
        shown = step.id + text;
        title.textContent = view.t(step.title);
        progress.textContent = view.t('progress', { n: view.index + 1, total: view.total });
        bar.style.width = `${((view.index + 1) / view.total) * 100}%`;
        body.textContent = text;
      }
      back.setAttribute('aria-disabled', String(view.index === 0));
      next.setAttribute('aria-disabled', String(view.index === view.total - 1));
      const key = JSON.stringify([step.id, view.index, view.currentIndex, view.missing, view.context, view.note]);
      if (key === extrasKey) return;
      extrasKey = key;
      const root = el.getRootNode() as Document | ShadowRoot;
      const focused =
        root.activeElement instanceof HTMLElement && more.contains(root.activeElement) ? root.activeElement.dataset.key : undefined;
      more.replaceChildren(...extras(view, on));
      if (focused !== undefined) ((more.querySelector(`[data-key="${focused}"]`) as HTMLElement | null) ?? title).focus();
    },
  };
}
