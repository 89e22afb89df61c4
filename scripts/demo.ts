/**
 * The demo behind `npm start`: builds the sandbox extension, starts the sandbox and opens
 * Chromium with the extension on the Banqup look-alike. With a display it hands the browser to
 * you; without one (Linux with neither DISPLAY nor WAYLAND_DISPLAY, or --headless) it plays the
 * flow as a scripted user, prints each step, writes screenshots to demo-output/ and exits.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox/server';
import { seed } from '../sandbox/yokoy-api/store';
import { ExportPage } from '../tests/e2e/pages/export';
import { walkGuide } from './demo-guide';
import { LauncherOverlay } from '../tests/e2e/pages/launcher';
import { OptionsPage } from '../tests/e2e/pages/options';
import { PopupPage } from '../tests/e2e/pages/popup';
import { YokoyAssistant } from '../tests/e2e/pages/yokoy-assistant';
import { YokoyWebPage } from '../tests/e2e/pages/yokoy-web';
import { extensionWorker, launchBrowser } from '../tests/e2e/support/browser';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    output: { type: 'string', default: process.env.DEMO_OUTPUT ?? 'demo-output' },
  },
});
const root = resolve(import.meta.dirname, '..');
const outputDir = resolve(root, values.output!);
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = values.headless || !hasDisplay;

let stepNumber = 0;
const step = (text: string) => console.log(`[demo] ${++stepNumber}. ${text}`);

if (!values['no-build']) {
  step('Building the extension in sandbox mode');
  execFileSync('npx', ['wxt', 'build', '--mode', 'sandbox'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const sandbox = await startSandbox();
step(`Sandbox started: Banqup ${sandbox.urls.banqup}, Yokoy ${sandbox.urls.yokoyWeb}, API ${sandbox.urls.yokoyApi}`);
// The secret stays out of the log; `npm run sandbox` prints the sandbox's ready pair for manual use.
console.log(`[demo]    organization ID ${seed.organizationId}; ready client ${seed.readyClient.clientId}`);

const launched = await launchBrowser({ extension: true, headless });
const { browser } = launched;
const { extensionId } = await extensionWorker(browser);
step(`Chromium ${await browser.version()} started with the extension (${extensionId})`);

if (!headless) {
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.goto(sandbox.urls.banqup);
  console.log('[demo] Your turn: the browser is yours. Close it (or press Ctrl+C) to stop the sandbox.');
  const stop = async () => {
    await launched.close();
    await sandbox.close();
    process.exit(0);
  };
  browser.on('disconnected', () => void stop());
  process.on('SIGINT', () => void stop());
} else {
  mkdirSync(outputDir, { recursive: true });
  const shots: string[] = [];
  const shoot = async (page: import('puppeteer-core').Page, name: string) => {
    const path = join(outputDir, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: path as `${string}.png` });
    shots.push(path);
  };
  try {
    const options = await OptionsPage.open(browser, extensionId);
    await options.useSandbox(sandbox.urls);
    step('Options: pointed the extension at the sandbox (custom Yokoy and Banqup addresses)');
    await options.close();

    const page = await browser.newPage();
    await page.goto(sandbox.urls.banqup);
    const launcher = await new LauncherOverlay(page).find(10_000);
    if (!launcher) throw new Error('The launcher did not appear on the Banqup look-alike.');
    step(`Banqup look-alike open; the launcher "${launcher.text}" sits in its shadow root`);
    await shoot(page, 'banqup-launcher');

    const yokoyPage = await browser.newPage();
    const yokoy = new YokoyWebPage(yokoyPage, sandbox.urls.yokoyWeb);
    const assistant = new YokoyAssistant(yokoyPage);
    await yokoy.signInAs('dev', '/admin/developer');
    await assistant.waitForOffer('offer-organization-id');
    step(`Yokoy look-alike: Admin → Developer; the companion outlines the organization ID (${await yokoy.readOrganizationId()})`);
    await shoot(yokoyPage, 'yokoy-organization-id');
    const generated = await yokoy.generateCredentials('Banqup Integration', {
      copy: false,
      whileShown: async () => {
        await assistant.waitForOffer('offer-credentials');
        await shoot(yokoyPage, 'yokoy-capture-offer');
        const said = await assistant.accept('offer-credentials');
        step(`Generated OAuth credentials; clicked "Save to Yokoy Companion": ${said}`);
      },
    });
    step(`Client ID ${generated.clientId} captured; the secret waits, encrypted in the vault, for the user's confirmation`);
    step(`"Use this ID": ${await assistant.accept('offer-organization-id')}`);

    const popup = await PopupPage.open(browser, extensionId, 'en');
    step(`Popup: confirm what the page proposed: ${(await popup.pendingChanges()).join('; ')}`);
    await popup.decidePending(true);
    await popup.waitForStatus('verified');
    const entities = await popup.legalEntities();
    step(`Popup: verified live against the Yokoy emulator; legal entities: ${entities.map((e) => e.name.trim()).join(', ')}`);
    const chosen = await popup.chooseLegalEntity('Acme Belgium NV');
    step(`Picked the legal entity: ${chosen}`);
    const status = await popup.status();
    step(`Popup status: "${status.text}" (${await popup.version()})`);
    await shoot(popup.page, 'popup-verified');

    await walkGuide({ browser, sandbox, extensionId, step, shoot });

    const count = ((await fetch(`${sandbox.internalUrls.yokoyApi}/__admin/invoices`).then((r) => r.json())) as { invoices: unknown[] })
      .invoices.length;
    await page.goto(`${sandbox.urls.banqup}/__admin/session?next=/purchases`);
    const exportView = await ExportPage.open(browser, extensionId);
    step(`Export view: ${await exportView.preview()}`);
    step(`Backfill started: ${await exportView.start()}`);
    const total = Number(
      /([\d,]+) invoices? queued/
        .exec(await exportView.page.$eval('[data-testid="export-message"]', (e) => e.textContent ?? ''))?.[1]
        ?.replaceAll(',', '') ?? 0,
    );
    step(`Backfill finished: ${await exportView.waitUntilFinished(total, 180_000)}`);
    await shoot(exportView.page, 'export-finished');
    const rows = await exportView.openHistory();
    await shoot(exportView.page, 'export-history');
    await exportView.close();
    const reached = (await fetch(`${sandbox.internalUrls.yokoyApi}/__admin/invoices`).then((r) => r.json())) as {
      invoices: {
        invoiceNumber: string | null;
        supplierName: string | null;
        grossAmount: number | null;
        currency: string | null;
        pdfBytes: number;
        customInformation: Record<string, unknown> | null;
      }[];
    };
    step(
      `The Yokoy emulator now holds ${reached.invoices.length} invoices (${reached.invoices.length - count} from this backfill); history lists ${rows.length} jobs:`,
    );
    for (const i of reached.invoices) {
      console.log(
        `[demo]    ${String(i.invoiceNumber ?? '(PDF, read by Yokoy)').padEnd(22)} ${String(i.supplierName ?? '')
          .padEnd(40)
          .slice(
            0,
            40,
          )} ${String(i.grossAmount ?? '').padStart(10)} ${i.currency ?? ''}  pdf ${i.pdfBytes} B  banqup ${String(i.customInformation?.banqupDocumentId ?? '').slice(0, 8)}`,
      );
    }

    step(`Done. Screenshots: ${shots.map((s) => s.replace(`${root}/`, '')).join(', ')}`);
  } catch (error) {
    console.error(`[demo] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await launched.close();
    await sandbox.close();
  }
}
