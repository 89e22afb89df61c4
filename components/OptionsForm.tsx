/** The settings form; addresses are checked as origins before they are saved. */
// Its words are a section of the app catalogue, joined when this view's chunk loads.
import '../lib/i18n/pages';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { changesSecretBinding, checkOrigin } from '../lib/connection/endpoints';
import { permissionRefusal } from '../lib/sites/hosts';
import { translator } from '../lib/i18n/app';
import type { Language } from '../lib/i18n';
import type { Ask } from '../lib/messaging/ask';
import { DEFAULT_RETENTION_DAYS, type Settings } from '../lib/settings/items';
import { ThemeChoice } from './ThemeChoice';

/**
 * Addresses outside the hosts the manifest names (a custom Yokoy, another Banqup host) need
 * the user's permission, asked at the moment of saving (optional host permissions);
 * already-granted ones pass silently. Only addresses the manifest can grant get this far.
 */
async function grantOrigins(origins: string[]): Promise<boolean> {
  const patterns = origins.filter(Boolean).map((o) => `${new URL(o).origin}/*`);
  try {
    if (await browser.permissions.contains({ origins: patterns })) return true;
    return await browser.permissions.request({ origins: patterns });
  } catch {
    return false;
  }
}

export function OptionsForm({ language, ask }: { language: Language; ask: Ask }) {
  const t = translator(language);
  const [settings, setSettings] = useState<Settings>();
  const [saved, setSaved] = useState<Settings>();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string }>();

  useEffect(() => {
    void ask({ type: 'settings.get' }).then((a) => {
      if (!a.ok) return;
      setSettings(a.value);
      setSaved(a.value);
    });
  }, [ask]);
  if (!settings) return <main aria-busy="true" />;

  const update = (patch: Partial<Settings>) => {
    setSettings({ ...settings, ...patch });
    setMessage(undefined);
  };
  const updateCustom = (key: keyof Settings['custom'], value: string) => update({ custom: { ...settings.custom, [key]: value.trim() } });

  async function save(event: Event) {
    event.preventDefault();
    const origins = [settings!.banqupOrigin, ...(settings!.environment === 'custom' ? Object.values(settings!.custom) : [])];
    const bad = origins.find((o) => checkOrigin(o));
    if (bad !== undefined) return setMessage({ tone: 'error', text: t('optionsInvalidOrigin', { value: bad }) });
    // Only what the browser can actually be asked to allow (the manifest's grants): an http://
    // address would fail the prompt without the prompt ever appearing.
    const manifest = browser.runtime.getManifest() as Parameters<typeof permissionRefusal>[1];
    for (const origin of origins.filter(Boolean)) {
      const refusal = permissionRefusal(origin, manifest);
      if (refusal)
        return setMessage({
          tone: 'error',
          text: t(refusal === 'not-https' ? 'optionsNotHttps' : refusal === 'invalid' ? 'optionsInvalidOrigin' : 'optionsNotGrantable', {
            value: origin,
          }),
        });
    }
    if (!(await grantOrigins(origins))) {
      return setMessage({ tone: 'error', text: t('optionsPermissionRefused') });
    }
    const forgets = saved !== undefined && changesSecretBinding(saved, settings!);
    const answer = await ask({ type: 'settings.save', settings: settings! });
    if (answer.ok) {
      setSettings(answer.value);
      setSaved(answer.value);
      setMessage({ tone: 'success', text: t(forgets ? 'optionsSecretForgotten' : 'optionsSaved') });
    } else setMessage({ tone: 'error', text: t('failureNoAnswer', { detail: answer.failure.detail }) });
  }

  async function forget() {
    if (!confirm(t('optionsForgetConfirm'))) return;
    const answer = await ask({ type: 'credentials.forget' });
    setMessage(
      answer.ok
        ? { tone: 'success', text: t('optionsForgotten') }
        : { tone: 'error', text: t('failureNoAnswer', { detail: answer.failure.detail }) },
    );
  }

  const text = (id: string, label: string, value: string, onInput: (v: string) => void) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type="url" value={value} onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)} />
    </div>
  );

  return (
    <main>
      <h1>{t('optionsHeading')}</h1>
      <ThemeChoice t={t} />
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('optionsEnvironment')}</legend>
          {(['production', 'test', 'custom'] as const).map((env) => (
            <label class="entity" key={env}>
              <input
                type="radio"
                name="environment"
                value={env}
                checked={settings.environment === env}
                onChange={() => update({ environment: env })}
              />
              <span>{t(env === 'production' ? 'optionsEnvProduction' : env === 'test' ? 'optionsEnvTest' : 'optionsEnvCustom')}</span>
            </label>
          ))}
        </fieldset>
        {settings.environment === 'custom' ? (
          <>
            {text('accounts-base', t('optionsAccountsBase'), settings.custom.accountsBase, (v) => updateCustom('accountsBase', v))}
            {text('api-base', t('optionsApiBase'), settings.custom.apiBase, (v) => updateCustom('apiBase', v))}
            {text('web-origin', t('optionsWebOrigin'), settings.custom.webOrigin, (v) => updateCustom('webOrigin', v))}
          </>
        ) : null}
        {text('banqup-origin', t('optionsBanqupOrigin'), settings.banqupOrigin, (v) => update({ banqupOrigin: v.trim() }))}
        <div class="field">
          <label for="default-legal-entity">{t('optionsDefaultLegalEntity')}</label>
          <input
            id="default-legal-entity"
            type="text"
            value={settings.defaultLegalEntityId ?? ''}
            onInput={(e) => update({ defaultLegalEntityId: (e.currentTarget as HTMLInputElement).value.trim() || undefined })}
          />
        </div>
        <div class="field">
          <label for="export-concurrency">{t('optionsConcurrency')}</label>
          <input
            id="export-concurrency"
            type="number"
            min={1}
            max={10}
            value={settings.exportConcurrency}
            onInput={(e) =>
              update({ exportConcurrency: Math.min(10, Math.max(1, Number((e.currentTarget as HTMLInputElement).value) || 1)) })
            }
          />
        </div>
        <div class="field">
          <label for="history-retention">{t('optionsRetention')}</label>
          <input
            id="history-retention"
            type="number"
            min={0}
            max={3650}
            aria-describedby="history-retention-hint"
            value={settings.historyRetentionDays ?? DEFAULT_RETENTION_DAYS}
            onInput={(e) =>
              update({
                historyRetentionDays: Math.min(3650, Math.max(0, Math.trunc(Number((e.currentTarget as HTMLInputElement).value) || 0))),
              })
            }
          />
          <p id="history-retention-hint" class="muted">
            {t('optionsRetentionHint')}
          </p>
        </div>
        <div class="actions">
          <button type="submit" class="primary">
            {t('optionsSave')}
          </button>
          <button type="button" class="danger" onClick={forget}>
            {t('optionsForget')}
          </button>
        </div>
        <div aria-live="polite" data-testid="options-message">
          {message ? <p class={`message ${message.tone}`}>{message.text}</p> : null}
        </div>
      </form>
    </main>
  );
}
