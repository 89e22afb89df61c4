/**
 * Page object: the setup guide's overlay on a Banqup page, read through its closed shadow root
 * from the content script's world (support/our-ui.ts; the page itself cannot), the way a user sees it: the step ("Passo 5 de 14"), its words, and the highlighted control's box.
 * `follow` plays a user who does only what the guide highlights, from wherever the page is up
 * to A14 (the guide's own buttons for Fill and the legal entity; Yokoy's sign-in and consent
 * pages in between, where the guide cannot be).
 *
 *   const guide = new GuideOverlay(page);
 *   await guide.openFromLauncher();
 *   const visited = await guide.follow({ yokoyWeb, yokoyEmail, onStep: async (s) => … });
 */
import type { Page } from 'puppeteer-core';
import { seriousViolations } from './a11y';
import { YokoyWebPage } from './yokoy-web';
import { launcherHost } from './launcher';
import { clickInOurUi, inOurUi, waitInOurUi } from '../support/our-ui';

export const guideHost = 'yokoy-companion-guide';

export interface GuideState {
  open: boolean;
  step: string;
  control: string;
  /** 'found' (a control is highlighted), 'missing' (words only), 'preview' (browsing another step). */
  state: string;
  progress: string;
  title: string;
  body: string;
  /** The panel's extra part (fill, verification, legal entities, fallback). */
  more: string;
  /** The highlighted control's own box, in viewport pixels. */
  target?: { x: number; y: number; width: number; height: number };
  /** Data keys of the panel's buttons (fill-clientId, ack, choose, export…). */
  buttons: string[];
}

export interface FollowOptions {
  yokoyWeb: string;
  yokoyEmail: string;
  /** Called once each time the guide reaches a new step, before the user acts on it. */
  onStep?: (state: GuideState) => Promise<void> | void;
  /** Stop after this step is reached (default A14). */
  until?: string;
  /** Called with every state the guide settles on, before each move (to check none falls back to words). */
  onState?: (state: GuideState) => void;
}

export class GuideOverlay {
  constructor(readonly page: Page) {}

  /** What the overlay shows now (open: false when it is closed). */
  async state(): Promise<GuideState> {
    const state = await inOurUi(
      this.page,
      (rootOf, host) => {
        const root = rootOf(host);
        const layer = root?.querySelector<HTMLElement>('.guide');
        const panel = root?.querySelector<HTMLElement>('[data-testid="guide-panel"]');
        // No named inner functions here: tsx (npm start) would wrap them in a helper the page lacks.
        const [progress, title, body, more] = ['[data-testid="guide-progress"]', '#guide-title', '#guide-body', '.more'].map(
          (selector) => root?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        );
        const box = layer?.dataset.target ? layer.dataset.target.split(',').map(Number) : undefined;
        return {
          open: Boolean(panel),
          step: layer?.dataset.step ?? '',
          control: layer?.dataset.control ?? '',
          state: panel?.dataset.state ?? '',
          progress: progress!,
          title: title!,
          body: body!,
          more: more!,
          target: box ? { x: box[0]!, y: box[1]!, width: box[2]!, height: box[3]! } : undefined,
          buttons: [...(root?.querySelectorAll<HTMLElement>('button[data-key]') ?? [])].map((b) => b.dataset.key ?? ''),
        };
      },
      guideHost,
    );
    return state ?? { open: false, step: '', control: '', state: '', progress: '', title: '', body: '', more: '', buttons: [] };
  }

  /** Waits until the guide is open and settled on a step (optionally a given one, in a given state). */
  async waitFor(match: { step?: string; state?: string; control?: string } = {}, timeout = 15_000): Promise<GuideState> {
    await waitInOurUi(
      this.page,
      (rootOf, a) => {
        const root = rootOf(a.host);
        const layer = root?.querySelector<HTMLElement>('.guide');
        const panel = root?.querySelector<HTMLElement>('[data-testid="guide-panel"]');
        if (!layer?.dataset.step || !panel?.dataset.state) return false;
        return (
          (!a.want.step || layer.dataset.step === a.want.step) &&
          (!a.want.state || panel.dataset.state === a.want.state) &&
          (!a.want.control || layer.dataset.control === a.want.control)
        );
      },
      { host: guideHost, want: match },
      timeout,
    );
    return this.state();
  }

  /** Waits until the step, the control or the highlight differs from `before`. */
  async waitForChange(before: GuideState, timeout = 15_000): Promise<GuideState> {
    const key = (s: GuideState) => JSON.stringify([s.step, s.control, s.state, s.target]);
    const deadline = Date.now() + timeout;
    for (;;) {
      const now = await this.state().catch(() => undefined);
      if (now?.open && now.step && key(now) !== key(before)) return now;
      if (Date.now() > deadline) throw new Error(`The guide stayed at ${before.step} (${before.control}, ${before.state}).`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async isOpen(): Promise<boolean> {
    return (await this.state()).open;
  }

  /** Clicks the launcher like a user (mouse at its centre) and waits for the guide. */
  async openFromLauncher(): Promise<GuideState> {
    await clickInOurUi(this.page, launcherHost, 'button.launcher');
    return this.waitFor();
  }

  /** Clicks the centre of the highlighted control, through the spotlight's hole. */
  async clickHighlighted(): Promise<void> {
    const { target } = await this.state();
    if (!target) throw new Error('Nothing is highlighted.');
    await this.page.mouse.click(target.x + target.width / 2, target.y + target.height / 2);
  }

  /** Clicks one of the panel's buttons by its key (fill-clientId, ack, choose, export, next…). */
  async clickButton(key: string): Promise<void> {
    const state = await this.state();
    if (!state.buttons.includes(key)) throw new Error(`The guide has no "${key}" button.`);
    await clickInOurUi(this.page, guideHost, `button[data-key="${key}"]`);
  }

  /** Whether the keyboard focus is on the launcher's button. */
  async focusIsOnLauncher(): Promise<boolean> {
    return Boolean(
      await inOurUi(
        this.page,
        (rootOf, host) => {
          const launcher = document.querySelector(host);
          return document.activeElement === launcher && rootOf(host)?.activeElement?.tagName === 'BUTTON';
        },
        launcherHost,
      ),
    );
  }

  /** axe-core on the guide's shadow tree: the violations of serious or critical impact. */
  async accessibilityViolations(): Promise<{ id: string; impact: string; help: string; nodes: number }[]> {
    return (await seriousViolations(this.page, guideHost)).map(({ id, impact, help, targets }) => ({
      id,
      impact,
      help,
      nodes: targets.length,
    }));
  }

  /**
   * Plays a user who follows only the guide: clicks the highlighted control (or the guide's
   * own button where the step offers one), and passes Yokoy's sign-in and consent when A9
   * leaves for Yokoy. Returns the steps in the order the guide showed them.
   */
  async follow(options: FollowOptions): Promise<string[]> {
    const visited: string[] = [];
    const until = options.until ?? 'A14';
    for (let moves = 0; moves < 80; moves++) {
      let state = await this.waitFor();
      if (visited.at(-1) !== state.step) {
        visited.push(state.step);
        await options.onStep?.(state);
        state = await this.waitFor();
      }
      options.onState?.(state);
      if (state.step === until) return visited;
      const fill = state.buttons.find((b) => b.startsWith('fill-'));
      if (fill) await this.clickButton(fill);
      else if (state.step === 'A12' && state.buttons.includes('choose')) await this.clickButton('choose');
      else if (state.step === 'A9' && state.control === 'signIn') {
        await Promise.all([this.page.waitForNavigation(), this.clickHighlighted()]);
        const yokoy = new YokoyWebPage(this.page, options.yokoyWeb);
        if (new URL(this.page.url()).pathname === '/login') await yokoy.signIn(options.yokoyEmail);
        await yokoy.consent(true);
        await this.page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('main .loading'));
        continue;
      } else await this.clickHighlighted();
      // Banqup autosaves as the user goes; let its requests land before the next move.
      await this.page.waitForNetworkIdle({ idleTime: 150, timeout: 10_000 }).catch(() => undefined);
      await this.waitForChange(state);
    }
    throw new Error(`The guide did not reach ${until}: ${visited.join(' → ')}`);
  }
}
