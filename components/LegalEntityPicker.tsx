/** The legal entities Yokoy returned, as a radio group; the choice is remembered by the worker. */
import type { MessageKey } from '../lib/i18n/app';
import type { LegalEntitySummary } from '../lib/yokoy-api/schemas';

type Props = {
  t: (key: MessageKey, params?: Record<string, string>) => string;
  entities: LegalEntitySummary[];
  chosen?: string;
  onChoose: (id: string) => void;
};

export function LegalEntityPicker({ t, entities, chosen, onChoose }: Props) {
  if (!entities.length) return <p class="message warning">{t('legalEntityNone')}</p>;
  const chosenName = entities.find((e) => e.id === chosen)?.name;
  return (
    <fieldset class="entities" data-testid="legal-entities">
      <legend>{t('legalEntityHeading')}</legend>
      <p class="muted">{t('legalEntityHint')}</p>
      {entities.map((entity) => (
        <label class="entity" key={entity.id}>
          <input type="radio" name="legal-entity" value={entity.id} checked={entity.id === chosen} onChange={() => onChoose(entity.id)} />
          <span>{entity.name}</span>
          {entity.code ? <span class="muted"> · {entity.code}</span> : null}
        </label>
      ))}
      <p class="muted" aria-live="polite" data-testid="legal-entity-chosen">
        {chosenName ? t('legalEntityChosen', { name: chosenName }) : ''}
      </p>
    </fieldset>
  );
}
