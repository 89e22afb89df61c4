/**
 * The Banqup look-alike plays either platform (REAL-PRODUCTS.md §1), chosen by a sandbox
 * option (`banqup.platform`, the CLI's --banqup-platform / SANDBOX_BANQUP_PLATFORM) or at run
 * time by `PUT /__admin/platform`; a reset returns to the option. The app shell tells the
 * browser app which frame to draw; the new platform's Store lists the extensions the help
 * names, and no Yokoy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appScript } from '../../sandbox/banqup/assets';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
let base: string;

const platformOfShell = async (path = '/home') => {
  const signIn = await fetch(`${base}/__admin/session?next=${encodeURIComponent(path)}`, { redirect: 'manual' });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const html = await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
  return JSON.parse(/<script type="application\/json" id="bq-bootstrap">(.*?)<\/script>/s.exec(html)![1]!).platform as string;
};
const setPlatform = (platform: unknown) =>
  fetch(`${base}/__admin/platform`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ platform }) });

beforeAll(async () => {
  sandbox = await startSandbox({ banqup: { platform: 'new' } });
  base = sandbox.internalUrls.banqup;
});
afterAll(() => sandbox.close());

describe('the two Banqup platforms', () => {
  it('starts as the option says, switches at run time and resets to the option', async () => {
    expect(await platformOfShell('/home')).toBe('new');
    expect(await (await fetch(`${base}/__admin/platform`)).json()).toEqual({ platform: 'new' });
    expect((await setPlatform('classic')).status).toBe(200);
    expect(await platformOfShell('/')).toBe('classic');
    expect((await setPlatform('banqup-3000')).status).toBe(400);
    await fetch(`${base}/__admin/reset`, { method: 'POST' });
    expect(await platformOfShell('/store')).toBe('new');
  });

  it('serves the new platform’s paths, and a Store with the named extensions and no Yokoy', async () => {
    const script = appScript();
    const store = /const storeExtensions = \[([\s\S]*?)\];/.exec(script)![1]!;
    for (const name of ['Exact Online', 'Octopus', 'Pingwin', 'Count-e', 'Google Drive', 'Dropbox', 'SFTP'])
      expect(store).toContain(`'${name}'`);
    expect(store).not.toMatch(/yokoy/i);
    expect(script).toContain("'data-testid': 'btx-app-launcher'");
    expect(await platformOfShell('/purchase-invoices')).toBe('new');
  });
});
