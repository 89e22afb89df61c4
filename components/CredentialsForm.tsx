/**
 * The popup's credentials: three checked fields, "Save and verify", the typed result in the
 * user's language, then the legal entities to pick from. Talks to the worker only through `ask`.
 */
import { useState } from 'preact/hooks';
import type { CredentialField } from '../lib/credentials/clean';
import { checkCredential } from '../lib/credentials/clean';
import { describeFinding } from '../lib/credentials/describe';
import type { MessageKey } from '../lib/i18n/app';
import type { Ask } from '../lib/messaging/ask';
import type { CredentialsView } from '../lib/messaging/protocol';
import { describeFailure } from '../lib/yokoy-api/describe-failure';
import { CredentialInput } from './CredentialInput';
import { LegalEntityPicker } from './LegalEntityPicker';
import { SecretReveal } from './SecretReveal';

type T = (key: MessageKey, params?: Record<string, string>) => string;

type Props = { t: T; ask: Ask; view: CredentialsView; onView: (view: CredentialsView) => void };

const fields: CredentialField[] = ['clientId', 'clientSecret', 'organizationId'];

export function CredentialsForm({ t, ask, view, onView }: Props) {
  const [values, setValues] = useState<Record<CredentialField, string>>({
    clientId: view.clientId ?? '',
    clientSecret: '',
    organizationId: view.organizationId ?? '',
  });
  const [notes, setNotes] = useState<Partial<Record<CredentialField, string>>>({});
  const [revealed, setRevealed] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'error' | 'success'; text: string } | undefined>();
  const [tried, setTried] = useState(false);
  const context = { knownLegalEntityIds: view.legalEntities?.map((e) => e.id), others: values };

  const set = (field: CredentialField) => (value: string, note?: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setNotes((n) => ({ ...n, [field]: note }));
    setOutcome(undefined);
  };

  async function submit(event: Event) {
    event.preventDefault();
    setTried(true);
    const required = fields.filter((f) => f !== 'clientSecret' || !view.hasSecret);
    const invalid = fields.find((f) => {
      if (!values[f]) return required.includes(f);
      return checkCredential(f, values[f], context).errors.length > 0;
    });
    if (invalid) {
      document.getElementById(`field-${invalid}`)?.focus();
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    const saved = await ask({
      type: 'credentials.save',
      clientId: values.clientId,
      organizationId: values.organizationId,
      ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
    });
    if (!saved.ok || !saved.value.saved) {
      setBusy(false);
      const answer = saved.ok ? saved.value : undefined;
      const problem =
        answer && !answer.saved
          ? describeFinding(t, answer.field, answer.finding)
          : !saved.ok
            ? t('failureNoAnswer', { detail: saved.failure.detail })
            : '';
      setOutcome({ tone: 'error', text: t('failureSaveRefused', { problem }) });
      return;
    }
    setValues((v) => ({ ...v, clientSecret: '' }));
    const verified = await ask({ type: 'credentials.verify' });
    const latest = await ask({ type: 'credentials.get' });
    if (latest.ok) onView(latest.value);
    setBusy(false);
    if (!verified.ok) setOutcome({ tone: 'error', text: t('statusUnavailable', { reason: verified.failure.detail }) });
    else if (verified.value.verified) setOutcome({ tone: 'success', text: t('verified') });
    else setOutcome({ tone: 'error', text: describeFailure(t, verified.value.failure, { organizationId: values.organizationId }) });
  }

  async function reveal() {
    if (values.clientSecret) return setRevealed(values.clientSecret);
    const answer = await ask({ type: 'credentials.reveal' });
    setRevealed(answer.ok ? answer.value.clientSecret : undefined);
  }

  async function findOrganizationId() {
    const answer = await ask({ type: 'open.yokoyDeveloperPage' });
    if (!answer.ok || !answer.value.opened) setOutcome({ tone: 'error', text: t('findOrganizationIdUnavailable') });
  }

  async function choose(legalEntityId: string) {
    const answer = await ask({ type: 'legalEntity.choose', legalEntityId });
    if (answer.ok) onView(answer.value);
  }

  return (
    <section aria-labelledby="credentials-heading">
      <h2 id="credentials-heading">{t('credentialsHeading')}</h2>
      <form onSubmit={submit} noValidate>
        <CredentialInput
          t={t}
          field="clientId"
          label={t('fieldClientId')}
          value={values.clientId}
          onValue={set('clientId')}
          note={notes.clientId}
          context={context}
          showEmpty={tried}
        />
        <CredentialInput
          t={t}
          field="clientSecret"
          label={t('fieldClientSecret')}
          value={revealed !== undefined && !values.clientSecret ? revealed : values.clientSecret}
          onValue={set('clientSecret')}
          note={notes.clientSecret}
          context={context}
          type={revealed !== undefined ? 'text' : 'password'}
          placeholder={view.hasSecret ? t('secretStored') : undefined}
          showEmpty={tried}
        >
          {values.clientSecret || view.hasSecret ? (
            <SecretReveal label={t('secretReveal')} onReveal={reveal} onHide={() => setRevealed(undefined)} />
          ) : null}
        </CredentialInput>
        <CredentialInput
          t={t}
          field="organizationId"
          label={t('fieldOrganizationId')}
          value={values.organizationId}
          onValue={set('organizationId')}
          note={notes.organizationId}
          context={context}
          showEmpty={tried}
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy} data-testid="verify">
            {busy ? t('verifying') : t('verify')}
          </button>
          <button type="button" class="link" onClick={findOrganizationId} data-testid="find-organization-id">
            {t('findOrganizationId')}
          </button>
        </div>
        <div aria-live="assertive" data-testid="verify-outcome">
          {outcome ? (
            <p class={`message ${outcome.tone}`} role={outcome.tone === 'error' ? 'alert' : undefined} data-tone={outcome.tone}>
              {outcome.text}
            </p>
          ) : null}
        </div>
      </form>
      {view.connection.state === 'verified' && view.legalEntities ? (
        <LegalEntityPicker t={t} entities={view.legalEntities} chosen={view.legalEntityId} onChoose={choose} />
      ) : null}
    </section>
  );
}
