/**
 * Toolbar popup: renders the popup app in the browser's language. Views live in components/;
 * everything it knows comes from the service worker through the message protocol.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import { pickLanguage } from '../../lib/i18n';
import { ask } from '../../lib/messaging/client';

const language = pickLanguage(new URLSearchParams(location.search).get('lang'), browser.i18n.getUILanguage(), navigator.language);
document.documentElement.lang = language;
render(
  <PopupApp language={language} ask={ask} openOptions={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app')!,
);
