/**
 * Every surface's catalogues (lib/i18n/<surface>/) speak with the same keys as their English
 * source (none missing, none extra) and keep each message's placeholders; every key is used
 * somewhere in the code; the browser-language messages (public/_locales) exist in every
 * language with the same placeholders. German is really German (issue 14), not the English
 * scaffold. Surfaces are found by their folders, so a new one is checked without editing this.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages, type Language } from '../../lib/i18n';

const root = join(__dirname, '../..');
const i18n = join(root, 'lib/i18n');

type Catalogue = Record<string, string>;
const surfaces: { name: string; catalogues: Record<Language, Catalogue> }[] = [];
for (const name of readdirSync(i18n)
  .filter((f) => existsSync(join(i18n, f, 'en.ts')))
  .sort()) {
  const catalogues = {} as Record<Language, Catalogue>;
  for (const language of languages) {
    const module = (await import(join(i18n, name, `${language}.ts`))) as Record<string, Catalogue>;
    catalogues[language] = module[language]!;
  }
  surfaces.push({ name, catalogues });
}

const locales = Object.fromEntries(
  languages.map((language) => [
    language,
    JSON.parse(readFileSync(join(root, 'public/_locales', language, 'messages.json'), 'utf8')) as Record<
      string,
      { message: string; placeholders?: Record<string, { content: string }> }
    >,
  ]),
) as Record<Language, Record<string, { message: string; placeholders?: Record<string, { content: string }> }>>;

/** The code that may show a string: everything but the catalogues themselves (and the manifest, which names its own two). */
function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|tsx)$/.test(entry) && !relative(i18n, path).match(/^[\w-]+\/(en|pt|fr|nl|de)\.ts$/)) out.push(path);
  }
  return out;
}
const code = [...['lib', 'components', 'entrypoints'].flatMap((dir) => sources(join(root, dir))), join(root, 'wxt.config.ts')]
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

/**
 * Keys the code builds at run time instead of naming them, so no scan can find them: each with
 * the place that builds it. None today; list one here rather than spelling it out in a comment.
 */
const builtAtRunTime: Record<string, readonly string[]> = {};

/** A key is used when the code names it as a string ('key', "key", `key`) or the manifest as __MSG_key__. */
const isUsed = (key: string) => new RegExp(`(['"\`])${key}\\1|__MSG_${key}__`).test(code);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sameShape(reference: Catalogue, other: Catalogue) {
  expect(Object.keys(other).sort()).toEqual(Object.keys(reference).sort());
  for (const key of Object.keys(reference)) expect([key, placeholders(other[key]!)]).toEqual([key, placeholders(reference[key]!)]);
}

/** German entries that may read like English: names and words German shares with it. */
const sameInGerman: Record<string, ReadonlySet<string>> = {
  app: new Set(['version', 'tabExport', 'failureSaveRefused']),
  export: new Set(['historyDownloadCsv', 'exportStatus']),
  pages: new Set(['reasonYokoy', 'reconcileSeriesBanqup', 'reconcileSeriesYokoy']),
  // The launcher's visible text is the product's name.
  'banqup-page': new Set(['launcherText']),
  // A colon before the list of Banqup's own app names.
  guide: new Set(['newApps']),
};

describe('catalogues', () => {
  it('has the surfaces the code draws: the app (in three sections: first view, export, pages), the guide, the Banqup page, the Yokoy assistant', () => {
    expect(surfaces.map((s) => s.name)).toEqual(['app', 'assistant', 'banqup-page', 'export', 'guide', 'pages']);
  });

  describe.each(surfaces)('the $name surface', ({ name, catalogues }) => {
    it.each(languages.filter((l) => l !== 'en'))('in %s has exactly the keys and placeholders of en', (language) => {
      sameShape(catalogues.en, catalogues[language]);
    });

    it('has no key the code never uses', () => {
      const unused = Object.keys(catalogues.en).filter((key) => !isUsed(key) && !builtAtRunTime[name]?.includes(key));
      expect(unused).toEqual([]);
    });

    it('is translated into German, not the English scaffold', () => {
      const untranslated = Object.keys(catalogues.en).filter(
        (key) => !sameInGerman[name]?.has(key) && catalogues.de[key] === catalogues.en[key],
      );
      expect(untranslated).toEqual([]);
      for (const text of Object.values(catalogues.de)) expect(text).not.toMatch(/\b(the|and|your|with)\b/);
    });
  });

  it('finds an unused key and a missing one (the checks above can fail)', () => {
    expect(isUsed('aKeyNoCodeNames')).toBe(false);
    expect(isUsed('launcherLabel')).toBe(true);
    expect(() => sameShape({ a: 'x {n}', b: 'y' }, { a: 'x {n}' })).toThrow();
    expect(() => sameShape({ a: 'x {n}' }, { a: 'x {m}' })).toThrow();
  });
});

describe('the browser-language messages (public/_locales)', () => {
  const en = locales.en;
  const references = (message: string) => [...message.matchAll(/\$(\w+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

  it.each(languages.filter((l) => l !== 'en'))('in %s have every message of en, with its placeholders in the same order', (language) => {
    const other = locales[language];
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, message] of Object.entries(en)) {
      expect([key, references(other[key]!.message)]).toEqual([key, references(message.message)]);
      // $1, $2… are the caller's substitutions, in the order lib/i18n/browser.ts documents.
      expect([key, other[key]!.placeholders ?? {}]).toEqual([key, message.placeholders ?? {}]);
    }
  });

  it('are each used by the code or the manifest, and German in German', () => {
    expect(Object.keys(en).filter((key) => !isUsed(key))).toEqual([]);
    for (const key of Object.keys(en)) expect([key, locales.de[key]!.message]).not.toEqual([key, en[key]!.message]);
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
