/**
 * The guide's part of `npm start`'s headless walk-through (scripts/demo.ts calls it once the
 * credentials are verified in the popup): signs in to the Banqup look-alike, opens the guide
 * from the launcher and follows it A1–A14, as a user who does only what the guide highlights,
 * printing each step and taking a screenshot of a few.
 */
import type { Browser, Page } from 'puppeteer-core';
import type { Sandbox } from '../sandbox/server';
import { seed } from '../sandbox/yokoy-api/store';
import { BanqupApp } from '../tests/e2e/pages/banqup-app';
import { GuideOverlay } from '../tests/e2e/pages/guide';

export interface WalkGuideOptions {
  browser: Browser;
  sandbox: Sandbox;
  extensionId: string;
  step: (text: string) => void;
  shoot: (page: Page, name: string) => Promise<void>;
}

const shots = new Set(['A3', 'A7', 'A12', 'A14']);

export async function walkGuide(opts: WalkGuideOptions): Promise<void> {
  const app = await BanqupApp.open(opts.browser, opts.sandbox.urls.banqup);
  await app.quickSignIn('/');
  const guide = new GuideOverlay(app.page);
  await guide.openFromLauncher();
  opts.step(`Banqup: opened the setup guide from the launcher (${app.language})`);
  const visited = await guide.follow({
    yokoyWeb: opts.sandbox.urls.yokoyWeb,
    yokoyEmail: seed.developer.email,
    onStep: async (state) => {
      const extra = state.buttons
        .filter((b) => b.startsWith('fill-') || b === 'choose')
        .map((b) => ` [${b}]`)
        .join('');
      opts.step(`Guide ${state.progress}: ${state.title}${state.state === 'missing' ? ' (words only)' : ''}${extra}`);
      if (shots.has(state.step)) await opts.shoot(app.page, `guide-${state.step}`);
    },
  });
  const status = await app.dashboardAccountingStatus();
  opts.step(`Guide done (${visited.length} steps): the dashboard says "${status.connectedTo}", legal entity ${status.legalEntity}`);
  await app.page.close();
}
