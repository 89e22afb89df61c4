/**
 * The Import page (a tab opened from the popup): drop Peppol UBL, PDF or ZIP files and send
 * them to Yokoy through the export queue. It reads the files itself and stores their bytes in
 * the extension's IndexedDB, where the worker reads them when each job runs.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ImportView } from '../../components/ImportView';
import { openCompanionDB } from '../../lib/db/schema';
import { preferredLanguage } from '../../lib/i18n';
import { loadLanguage } from '../../lib/i18n/app';
import { createFileStore } from '../../lib/import/files';
import { ask } from '../../lib/messaging/client';
import { applyStoredTheme } from '../../lib/ui/theme';

const language = preferredLanguage(new URLSearchParams(location.search).get('lang'), browser.i18n.getUILanguage());
document.documentElement.lang = language;
// Light or dark before the first paint, as the other extension pages.
applyStoredTheme(browser.storage);
const db = openCompanionDB();
const files = createFileStore(() => db);
void loadLanguage(language).then(() => render(<ImportView language={language} ask={ask} files={files} />, document.getElementById('app')!));
