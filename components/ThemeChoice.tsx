/** Appearance (system / light / dark): applies at once, in every open extension page (lib/ui/theme). */
// Its words are a section of the app catalogue, joined when this view's chunk loads.
import '../lib/i18n/pages';
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n/app';
import { themeItem, themes, type Theme } from '../lib/settings/items';

const labels = { system: 'optionsThemeSystem', light: 'optionsThemeLight', dark: 'optionsThemeDark' } as const;

export function ThemeChoice({ t, item = themeItem }: { t: Translate; item?: typeof themeItem }) {
  const [theme, setTheme] = useState<Theme>();
  useEffect(() => {
    void item.getValue().then(setTheme);
    return item.watch((v) => setTheme(v ?? 'system'));
  }, [item]);
  return (
    <fieldset class="theme" data-testid="theme-choice">
      <legend>{t('optionsTheme')}</legend>
      <div class="segmented">
        {themes.map((value) => (
          <label class="entity" key={value}>
            <input
              type="radio"
              name="theme"
              value={value}
              checked={theme === value}
              onChange={() => {
                setTheme(value);
                void item.setValue(value);
              }}
            />
            <span>{t(labels[value])}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
