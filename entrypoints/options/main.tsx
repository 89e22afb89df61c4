/**
 * Options page: Yokoy environment and addresses, Banqup's address, the default legal entity,
 * and "forget credentials". Everything goes through the service worker.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsForm } from '../../components/OptionsForm';
import { preferredLanguage } from '../../lib/i18n';
import { loadLanguage } from '../../lib/i18n/app';
import { ask } from '../../lib/messaging/client';
import { applyStoredTheme } from '../../lib/ui/theme';

const language = preferredLanguage(new URLSearchParams(location.search).get('lang'), browser.i18n.getUILanguage());
document.documentElement.lang = language;
applyStoredTheme(browser.storage);
void loadLanguage(language).then(() => render(<OptionsForm language={language} ask={ask} />, document.getElementById('app')!));
