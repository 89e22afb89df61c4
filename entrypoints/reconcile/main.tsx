/**
 * The Reconcile tab (opened from the popup): renders the view in the browser's language (or
 * `?lang=`). Everything it shows comes from the service worker through the message protocol.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReconcileView } from '../../components/ReconcileView';
import { pickLanguage } from '../../lib/i18n';
import { loadLanguage, translate } from '../../lib/i18n/app';
import { ask } from '../../lib/messaging/client';

const language = pickLanguage(new URLSearchParams(location.search).get('lang'), browser.i18n.getUILanguage(), navigator.language);
document.documentElement.lang = language;
void loadLanguage(language).then(() => {
  document.title = translate(language, 'reconcileTitle');
  render(<ReconcileView language={language} ask={ask} />, document.getElementById('app')!);
});
