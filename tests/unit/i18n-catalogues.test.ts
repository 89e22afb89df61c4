/**
 * Every catalogue speaks with the same keys as English (none missing, none extra) and keeps
 * each message's placeholders; German is really German (issue 14), not the English scaffold.
 */
import { describe, expect, it } from 'vitest';
import { exportMessages } from '../../lib/banqup-page/export/messages';
import { de } from '../../lib/i18n/app/de';
import { en } from '../../lib/i18n/app/en';
import { fr } from '../../lib/i18n/app/fr';
import { nl } from '../../lib/i18n/app/nl';
import { pt } from '../../lib/i18n/app/pt';
import { launcherText } from '../../lib/banqup-page/launcher/text';
import deManifest from '../../public/_locales/de/messages.json';
import enManifest from '../../public/_locales/en/messages.json';
import frManifest from '../../public/_locales/fr/messages.json';
import nlManifest from '../../public/_locales/nl/messages.json';
import ptManifest from '../../public/_locales/pt/messages.json';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sameShape(reference: Record<string, string>, other: Record<string, string>) {
  expect(Object.keys(other).sort()).toEqual(Object.keys(reference).sort());
  for (const key of Object.keys(reference)) expect([key, placeholders(other[key]!)]).toEqual([key, placeholders(reference[key]!)]);
}

/** German entries that may read like English: names and words German shares with it. */
const sameInGerman = new Set([
  'version',
  'tabExport',
  'reasonYokoy',
  'historyDownloadCsv',
  'exportStatus',
  'failureSaveRefused',
  'reconcileSeriesBanqup',
  'reconcileSeriesYokoy',
]);

describe('catalogues', () => {
  it.each([
    ['pt', pt],
    ['fr', fr],
    ['nl', nl],
    ['de', de],
  ])('the app catalogue %s has exactly the keys and placeholders of en', (_, catalogue) => {
    sameShape(en, catalogue);
  });

  it('German is translated, not the English scaffold', () => {
    const untranslated = Object.keys(en).filter(
      (key) => !sameInGerman.has(key) && de[key as keyof typeof de] === en[key as keyof typeof en],
    );
    expect(untranslated).toEqual([]);
    for (const text of Object.values(de)) expect(text).not.toMatch(/\b(the|and|your|with)\b/);
  });

  it('the launcher and the Banqup page helpers have every language, German in German', () => {
    for (const language of ['pt', 'fr', 'nl', 'de'] as const) {
      sameShape(exportMessages.en, exportMessages[language]);
      expect(Object.keys(launcherText[language])).toEqual(Object.keys(launcherText.en));
    }
    expect(launcherText.de.label).not.toBe(launcherText.en.label);
    for (const key of Object.keys(exportMessages.en) as (keyof typeof exportMessages.en)[])
      expect(exportMessages.de[key]).not.toBe(exportMessages.en[key]);
  });

  it('the manifest strings exist in every language, German in German', () => {
    for (const manifest of [ptManifest, frManifest, nlManifest, deManifest])
      expect(Object.keys(manifest).sort()).toEqual(Object.keys(enManifest).sort());
    expect(deManifest.extDescription.message).not.toBe(enManifest.extDescription.message);
  });
});

describe('the views’ language', () => {
  it('is German for a German browser, whatever the UI language says; an explicit ?lang= wins', async () => {
    const { preferredLanguage } = await import('../../lib/i18n');
    expect(preferredLanguage(null, 'de', { languages: ['de-DE', 'de'], language: 'de-DE' })).toBe('de');
    expect(preferredLanguage(null, 'en-US', { languages: ['de-CH', 'en'], language: 'de-CH' })).toBe('de');
    expect(preferredLanguage(null, 'de', { languages: [], language: undefined })).toBe('de');
    expect(preferredLanguage(null, 'en-US', { languages: ['es-ES', 'fr'], language: 'es-ES' })).toBe('fr');
    expect(preferredLanguage('pt', 'de', { languages: ['de'], language: 'de' })).toBe('pt');
    expect(preferredLanguage(null, 'ja', { languages: ['ja'], language: 'ja' })).toBe('en');
  });
});
