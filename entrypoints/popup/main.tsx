/**
 * Toolbar popup: renders the popup app in the browser's language. Views live in components/;
 * everything it knows comes from the service worker through the message protocol.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp, type PopupTab } from '../../components/PopupApp';
import { preferredLanguage } from '../../lib/i18n';
import { loadLanguage } from '../../lib/i18n/app';
import { ask } from '../../lib/messaging/client';
import { applyStoredTheme } from '../../lib/ui/theme';

const params = new URLSearchParams(location.search);
const language = preferredLanguage(params.get('lang'), browser.i18n.getUILanguage());
const view = params.get('view');
const initialTab: PopupTab = view === 'export' || view === 'history' ? view : 'connection';
document.documentElement.lang = language;
// Light or dark before the first paint (from the page's cached copy of the setting).
applyStoredTheme(browser.storage);
// Ask the worker first: its answers arrive while the language loads and the view renders.
const early = { status: ask({ type: 'status' }), credentials: ask({ type: 'credentials.get' }) };
void loadLanguage(language).then(() =>
  render(
    <PopupApp
      language={language}
      ask={ask}
      early={early}
      initialTab={initialTab}
      openOptions={() => void browser.runtime.openOptionsPage()}
      openImport={() => void browser.tabs.create({ url: browser.runtime.getURL('/import.html') })}
      openReconcile={() => void browser.tabs.create({ url: browser.runtime.getURL('/reconcile.html') })}
    />,
    document.getElementById('app')!,
  ),
);
