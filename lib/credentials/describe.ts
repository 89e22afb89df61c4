/** Turns the paste-cleaner's findings into sentences in the user's language. */
import type { MessageKey } from '../i18n/app';
import type { CredentialField, Finding } from './clean';

type T = (key: MessageKey, params?: Record<string, string>) => string;

const fieldKeys: Record<CredentialField, MessageKey> = {
  clientId: 'fieldClientId',
  clientSecret: 'fieldClientSecret',
  organizationId: 'fieldOrganizationId',
};

export function describeFinding(t: T, field: CredentialField, finding: Finding): string {
  switch (finding.kind) {
    case 'label-removed':
      return t('fixLabelRemoved', { label: finding.label });
    case 'quotes-removed':
      return t('fixQuotesRemoved');
    case 'whitespace-removed':
      return t('fixWhitespaceRemoved');
    case 'empty':
      return t('checkEmpty');
    case 'bad-character': {
      const params = { character: finding.character, position: String(finding.position + 1), field: t(fieldKeys[field]) };
      return /\s/.test(finding.character) ? t('checkBadCharacterSpace', params) : t('checkBadCharacter', params);
    }
    case 'looks-like':
      return t(
        (
          {
            clientSecret: 'checkLooksLikeClientSecret',
            organizationId: 'checkLooksLikeOrganizationId',
            clientId: 'checkLooksLikeClientId',
            legalEntityId: 'checkLooksLikeLegalEntityId',
          } as const
        )[finding.other],
      );
    case 'unusual-format':
      return t('checkUnusualFormat');
  }
}
