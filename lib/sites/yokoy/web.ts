/**
 * Everything we know about Yokoy's web app, and Perk's (Yokoy is being rebranded Perk), as data:
 * where the credentials and the organization ID are (menu paths), the one-time credentials
 * dialog and the "no Developer role" notice, with labels per language. Locators list stable
 * attributes first, then labels in the page's language, then the other languages. A redesign
 * on Yokoy's or Perk's side is an edit here only.
 *
 * Every label says where it comes from. Sources (public help pages, no account used):
 *   [Y-en]   help.yokoy.ai/en/articles/110470 (Get access credentials for Yokoy API)
 *   [Y-de]   help.yokoy.ai/de/articles/110470 (Credentials für die Yokoy-API)
 *   [Y-org]  help.yokoy.ai/en/articles/261937 (Admin > Organization, organization ID top right)
 *   [Y-pt]   help.banqup.com/pt/articles/405136 (Banqup's article, quoting Yokoy in Portuguese)
 *   [Perk]   support.perk.com/hc/articles/22004196645276 (Developer tools > Spend tools)
 *   [ours]   nobody has seen it: our choice, to check against the real app.
 * Help pages quote labels in running text; where they lower-case a word ("organization ID")
 * the UI's exact case is unverified, which is harmless: matching ignores case and spacing.
 * URL paths of the pages are ours for both products (no help page shows an address).
 */
import type { Language } from '../../i18n';

export type Labels = Record<Language, string[]>;

export interface LabelledValueLocator {
  /** Elements holding the value itself (text or input value). */
  selectors: string[];
  /** Visible labels next to the value. */
  labels: Labels;
}

export type YokoyVariant = 'yokoy' | 'perk';

/** A place in the app's menu: the entries a user clicks, from the top, per language. */
export type MenuPath = Record<Language, readonly string[]>;

export interface VariantPages {
  /** Shown in texts: "Yokoy", "Perk". */
  name: string;
  /** Production hosts (and their subdomains) that serve this variant. */
  hosts: readonly string[];
  /** Where credentials are generated; the organization ID is in its top-right corner. */
  credentials: { path: string; menu: MenuPath; tab?: Labels };
  /** The other page that shows the organization ID (top-right corner). */
  organization: { path: string; menu: MenuPath };
}

const yokoy: VariantPages = {
  name: 'Yokoy',
  hosts: ['yokoy.ai', 'yokoy.io'],
  credentials: {
    path: '/admin/developer', // [ours]
    menu: {
      en: ['Admin', 'Developer'], // [Y-en] "Admin > Developer (at the bottom of the Admin menu)"
      de: ['Admin', 'Entwickler'], // [Y-de] "Admin > Entwickler (unten im Admin-Menü)"
      pt: ['Admin', 'Programador'], // [Y-pt] "Admin > Programador"
      fr: ['Admin', 'Développeur'], // [ours]
      nl: ['Admin', 'Ontwikkelaar'], // [ours]
    },
  },
  organization: {
    path: '/admin/organization', // [ours]
    menu: {
      en: ['Admin', 'Organization'], // [Y-org] "The Organization page (Admin > Organization)"
      de: ['Admin', 'Organisation'], // [ours]
      pt: ['Admin', 'Organização'], // [ours]
      fr: ['Admin', 'Organisation'], // [ours]
      nl: ['Admin', 'Organisatie'], // [ours]
    },
  },
};

const perk: VariantPages = {
  name: 'Perk',
  // [ours] Perk's help names no app host; yokoy.io pages redirect to perk.com (REAL-PRODUCTS §4).
  // Only used to pick the page to open; the content script does not run there (no evidence yet).
  hosts: ['perk.com'],
  credentials: {
    path: '/developer-tools/spend-tools', // [ours]
    menu: {
      en: ['Developer tools', 'Spend tools'], // [Perk] "Go to Developer tools > Spend tools"
      de: ['Entwicklertools', 'Spend-Tools'], // [ours]
      pt: ['Ferramentas de programador', 'Ferramentas de despesas'], // [ours]
      fr: ['Outils de développement', 'Outils de dépenses'], // [ours]
      nl: ['Ontwikkelaarstools', 'Uitgaventools'], // [ours]
    },
    tab: {
      en: ['Access credentials'], // [Perk] "In the Access credentials tab"
      de: ['Zugangsdaten'], // [ours]
      pt: ['Credenciais de acesso'], // [ours]
      fr: ['Identifiants d’accès', "Identifiants d'accès"], // [ours]
      nl: ['Toegangsgegevens'], // [ours]
    },
  },
  // [Perk] "organization ID … in the top right corner in Developer tools > Spend tools": the same page.
  organization: {
    path: '/developer-tools/spend-tools',
    menu: {
      en: ['Developer tools', 'Spend tools'],
      de: ['Entwicklertools', 'Spend-Tools'],
      pt: ['Ferramentas de programador', 'Ferramentas de despesas'],
      fr: ['Outils de développement', 'Outils de dépenses'],
      nl: ['Ontwikkelaarstools', 'Uitgaventools'],
    },
  },
};

export const yokoyWebSite = {
  variants: { yokoy, perk } satisfies Record<YokoyVariant, VariantPages>,

  /** Kept for callers that mean Yokoy's Developer page. */
  developerPath: yokoy.credentials.path,
  /** Where an invoice can be seen in Yokoy's web app (links in the export history). [ours] */
  invoicePath: (legalEntityId: string, invoiceId: string) =>
    `/invoice-processor/invoices?legalEntity=${encodeURIComponent(legalEntityId)}&invoice=${encodeURIComponent(invoiceId)}`,

  /**
   * How a page says it is Perk rather than Yokoy: its title or word mark names Perk, or its
   * navigation has Perk's menu entries. Anything else counts as Yokoy.
   */
  perkSignals: {
    titleIncludes: ['Perk'], // [Perk] the product's name
    brandSelectors: ['[aria-label="Perk"]', 'img[alt="Perk"]'], // [ours]
    navigation: 'nav a, nav button, [role="navigation"] a', // [ours]
  },

  organizationId: {
    selectors: ['[data-testid="organization-id"] code', '#organization-id'], // [ours] the look-alike's; real markup unseen
    labels: {
      en: ['Organization ID'], // [Y-org], [Perk] "organization ID" (UI case unverified)
      pt: ['ID da organização'], // [Y-pt] "ID da organização … no canto superior direito da página Programador"
      fr: ['ID de l’organisation', "ID de l'organisation", 'Identifiant d’organisation'], // [ours]
      nl: ['Organisatie-ID'], // [ours]
      de: ['Organisations-ID', 'Organisation-ID'], // [ours] no German page names it
    },
  } satisfies LabelledValueLocator,

  credentialsDialog: {
    container: ['[role="dialog"]', 'dialog'], // [ours] (ARIA)
    clientId: {
      selectors: ['[role="dialog"] input#client-id'], // [ours]
      labels: {
        en: ['Client ID'], // [Y-en], [Perk] "Copy the Client ID and Client secret"
        pt: ['ID de cliente'], // [Y-pt] "Copie o ID de cliente e o segredo do cliente"
        fr: ['ID client', 'Identifiant client'], // [ours]
        nl: ['Client-ID'], // [ours]
        de: ['Client-ID'], // [Y-de] "Kopiere die Client-ID und das Client-Secret"
      },
    } satisfies LabelledValueLocator,
    clientSecret: {
      selectors: ['[role="dialog"] input#client-secret'], // [ours]
      labels: {
        en: ['Client secret'], // [Y-en], [Perk]
        pt: ['Segredo do cliente'], // [Y-pt]
        fr: ['Secret client'], // [ours]
        nl: ['Clientgeheim'], // [ours]
        de: ['Client-Secret'], // [Y-de]
      },
    } satisfies LabelledValueLocator,
  },

  noDeveloperRole: {
    selectors: ['[data-testid="developer-no-access"]'], // [ours] the look-alike's
    /** Notice titles (all [ours]: no help page shows the notice; [Y-en] and [Perk] say who may generate). */
    titles: {
      en: ['You need the Developer role', 'Only account admins can request API credentials'],
      pt: ['Precisa da função de programador', 'Só os administradores da conta podem pedir credenciais de API'],
      fr: ['Le rôle Développeur est nécessaire', 'Seuls les administrateurs du compte peuvent demander des identifiants d’API'],
      nl: ['U hebt de rol Ontwikkelaar nodig', 'Alleen accountbeheerders kunnen API-gegevens aanvragen'],
      de: ['Sie benötigen die Entwickler-Rolle', 'Nur Kontoadministratoren können API-Credentials anfordern'],
    } satisfies Labels,
    /** Where the notice lists the organization's administrators (name · email). [ours] */
    admins: 'ul.people li',
  },
} as const;

const hostMatches = (hostname: string, hosts: readonly string[]) => hosts.some((h) => hostname === h || hostname.endsWith(`.${h}`));

/** The variant a web origin serves: Perk's hosts are Perk, everything else (incl. the sandbox) Yokoy. */
export function variantOfOrigin(webOrigin: string): YokoyVariant {
  try {
    return hostMatches(new URL(webOrigin).hostname, perk.hosts) ? 'perk' : 'yokoy';
  } catch {
    return 'yokoy';
  }
}

/** "Find my organization ID": the page that shows it, for the variant the origin serves. */
export function organizationIdPageUrl(webOrigin: string): string {
  return new URL(yokoyWebSite.variants[variantOfOrigin(webOrigin)].credentials.path, webOrigin).href;
}
