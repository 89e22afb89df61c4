/**
 * `npm run sandbox`: starts the three look-alikes and prints where they are and how to sign
 * in. Flags: --banqup-port N, --yokoy-web-port N, --yokoy-api-port N, --token-lifetime S,
 * --banqup-platform classic|new (also SANDBOX_BANQUP_PLATFORM; default classic),
 * --yokoy-brand yokoy|perk (Yokoy's web app as Yokoy or as Perk), --yokoy-language en|pt|fr|nl|de.
 * SANDBOX_INVOICES=<folder> imports UBL files as Banqup purchase invoices.
 */
import { parseArgs } from 'node:util';
import { startSandbox } from './server';
import { seed } from './yokoy-api/store';
import { banqupSeedUser, isBanqupPlatform } from './banqup/store';
import { isLanguage } from './yokoy-web/labels';

const { values } = parseArgs({
  options: {
    'banqup-port': { type: 'string' },
    'yokoy-web-port': { type: 'string' },
    'yokoy-api-port': { type: 'string' },
    'token-lifetime': { type: 'string' },
    'banqup-platform': { type: 'string' },
    'yokoy-brand': { type: 'string' },
    'yokoy-language': { type: 'string' },
  },
});
const port = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const platform = values['banqup-platform'] ?? process.env.SANDBOX_BANQUP_PLATFORM ?? 'classic';
if (!isBanqupPlatform(platform)) {
  console.error(`--banqup-platform must be classic or new, not "${platform}"`);
  process.exit(2);
}

const sandbox = await startSandbox({
  ports: { banqup: port(values['banqup-port']), yokoyWeb: port(values['yokoy-web-port']), yokoyApi: port(values['yokoy-api-port']) },
  yokoy: { tokenLifetimeSeconds: port(values['token-lifetime']) },
  banqup: { invoicesDir: process.env.SANDBOX_INVOICES, platform },
  yokoyWeb: {
    brand: values['yokoy-brand'] === 'perk' ? 'perk' : 'yokoy',
    language: isLanguage(values['yokoy-language']) ? values['yokoy-language'] : undefined,
  },
});

console.log(`Sandbox running (Ctrl+C to stop)
  Banqup look-alike     ${sandbox.urls.banqup}   (${platform} platform)
  Yokoy web look-alike  ${sandbox.urls.yokoyWeb}   (as ${values['yokoy-brand'] === 'perk' ? 'Perk' : 'Yokoy'})
  Yokoy API emulator    ${sandbox.urls.yokoyApi}   (also ${sandbox.internalUrls.yokoyApi})
  Organization ID       ${seed.organizationId}
  Ready client ID       ${seed.readyClient.clientId}
  Ready client secret   ${seed.readyClient.clientSecret}`);

// --banqup-*: the Banqup look-alike's login, its quick sign-in, and the SANDBOX_INVOICES import.
console.log(`  Banqup login          ${banqupSeedUser.email} / ${banqupSeedUser.password}
  Banqup quick sign-in  ${sandbox.urls.banqup}/__admin/session?next=/`);
const importReport = sandbox.state.banqup.importReport;
if (importReport) {
  const skipped = importReport.rejected.map((r) => `${r.file} (${r.reason})`).join(', ');
  console.log(`Imported ${importReport.imported.length} invoices from ${importReport.dir}; skipped: ${skipped || 'none'}`);
}

const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
