/**
 * Everything we know about Yokoy's web app, as data: where the Developer page is, how to find
 * the organization ID, the one-time credentials dialog and the "no Developer role" notice, with
 * labels per language. Locators list stable attributes first, then labels in the page's
 * language, then the other languages. A redesign on Yokoy's side is an edit here only.
 */
import type { Language } from '../i18n';

export type Labels = Record<Language, string[]>;

export interface LabelledValueLocator {
  /** Elements holding the value itself (text or input value). */
  selectors: string[];
  /** Visible labels next to the value. */
  labels: Labels;
}

export const yokoyWebSite = {
  developerPath: '/admin/developer',
  /** Where an invoice can be seen in Yokoy's web app (links in the export history). */
  invoicePath: (legalEntityId: string, invoiceId: string) =>
    `/invoice-processor/invoices?legalEntity=${encodeURIComponent(legalEntityId)}&invoice=${encodeURIComponent(invoiceId)}`,

  organizationId: {
    selectors: ['[data-testid="organization-id"] code', '#organization-id'],
    labels: { en: ['Organization ID'], pt: ['ID da organização'], fr: ['ID de l’organisation', "ID de l'organisation"], nl: ['Organisatie-ID'], de: [] },
  } satisfies LabelledValueLocator,

  credentialsDialog: {
    container: ['[role="dialog"]', 'dialog'],
    clientId: {
      selectors: ['[role="dialog"] input#client-id'],
      labels: { en: ['Client ID'], pt: ['ID de cliente'], fr: ['ID client'], nl: ['Client-ID'], de: [] },
    } satisfies LabelledValueLocator,
    clientSecret: {
      selectors: ['[role="dialog"] input#client-secret'],
      labels: { en: ['Client secret'], pt: ['Segredo do cliente'], fr: ['Secret client'], nl: ['Clientgeheim'], de: [] },
    } satisfies LabelledValueLocator,
  },

  noDeveloperRole: {
    selectors: ['[data-testid="developer-no-access"]'],
    titles: {
      en: ['You need the Developer role'],
      pt: ['Precisa da função de programador'],
      fr: ['Le rôle Développeur est nécessaire'],
      nl: ['U hebt de rol Ontwikkelaar nodig'],
      de: [],
    } satisfies Labels,
    /** Where the notice lists the organization's administrators (name · email). */
    admins: 'ul.people li',
  },
} as const;
