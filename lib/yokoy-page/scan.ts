/**
 * Reads a Yokoy or Perk page for what the companion can help with: the organization ID
 * (Developer page or Admin > Organization; Perk's Developer tools > Spend tools), the one-time
 * credentials dialog, or the "no Developer role" notice. Pure reads; all knowledge of the
 * pages is in lib/sites/yokoy/web.ts.
 */
import type { Language } from '../i18n';
import { findByText, labelsInOrder, locateFirst, locateValue, valueOf } from '../in-page/locate';
import { yokoyWebSite as site, type YokoyVariant } from '../sites/yokoy/web';

export interface YokoyPageScan {
  /** Which product the page shows itself as (Yokoy, or Yokoy rebranded as Perk). */
  variant: YokoyVariant;
  organizationId?: { element: Element; value: string };
  credentialsDialog?: { element: Element; clientId?: string; clientSecret?: string };
  noDeveloperRole?: { element: Element; admins: string[] };
}

export function scanYokoyPage(doc: Document, language: Language): YokoyPageScan {
  const scan: YokoyPageScan = { variant: detectVariant(doc) };
  const orgElement = locateValue(doc, site.organizationId, language);
  const orgValue = valueOf(orgElement);
  if (orgElement && orgValue) scan.organizationId = { element: orgElement, value: orgValue };

  for (const selector of site.credentialsDialog.container) {
    for (const dialog of doc.querySelectorAll(selector)) {
      const clientId = valueOf(locateValue(dialog, site.credentialsDialog.clientId, language));
      const clientSecret = valueOf(locateValue(dialog, site.credentialsDialog.clientSecret, language));
      if (clientSecret) {
        scan.credentialsDialog = { element: dialog, clientId, clientSecret };
        break;
      }
    }
    if (scan.credentialsDialog) break;
  }

  const notice =
    locateFirst(doc, site.noDeveloperRole.selectors) ??
    findByText(doc, labelsInOrder(site.noDeveloperRole.titles, language), 'h1, h2, h3')?.parentElement ??
    undefined;
  if (notice) {
    const admins = [...notice.querySelectorAll(site.noDeveloperRole.admins)]
      .map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    scan.noDeveloperRole = { element: notice, admins };
  }
  return scan;
}

/** Perk when the page names Perk (title, word mark) or shows Perk's menu entries; else Yokoy. */
export function detectVariant(doc: Document): YokoyVariant {
  const signals = site.perkSignals;
  if (signals.titleIncludes.some((word) => doc.title.includes(word))) return 'perk';
  if (locateFirst(doc, signals.brandSelectors)) return 'perk';
  const perkEntries = new Set(
    Object.values(site.variants.perk.credentials.menu)
      .flat()
      .map((l) => l.toLowerCase()),
  );
  for (const el of doc.querySelectorAll(signals.navigation)) {
    if (perkEntries.has((el.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase())) return 'perk';
  }
  return 'yokoy';
}
