/**
 * Toolbar popup: renders the status view in the browser's language. Views live in components/.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { StatusView } from '../../components/StatusView';
import { pickLanguage } from '../../lib/i18n';
import { ask } from '../../lib/messaging/client';

const language = pickLanguage(browser.i18n.getUILanguage(), navigator.language);
document.documentElement.lang = language;
render(<StatusView language={language} load={() => ask({ type: 'status' })} />, document.getElementById('app')!);
