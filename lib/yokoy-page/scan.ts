/**
 * Reads a Yokoy page for what the companion can help with: the organization ID (Developer
 * page), the one-time credentials dialog, or the "no Developer role" notice. Pure reads.
 */
import type { Language } from '../i18n';
import { findByText, labelsInOrder, locateFirst, locateValue, valueOf } from '../sites/locate';
import { yokoyWebSite as site } from '../sites/yokoy-web';

export interface YokoyPageScan {
  organizationId?: { element: Element; value: string };
  credentialsDialog?: { element: Element; clientId?: string; clientSecret?: string };
  noDeveloperRole?: { element: Element; admins: string[] };
}

export function scanYokoyPage(doc: Document, language: Language): YokoyPageScan {
  const scan: YokoyPageScan = {};
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
    locateFirst(doc, site.noDeveloperRole.selectors) ?? findByText(doc, labelsInOrder(site.noDeveloperRole.titles, language), 'h1, h2, h3')?.parentElement ?? undefined;
  if (notice) {
    const admins = [...notice.querySelectorAll(site.noDeveloperRole.admins)].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
    scan.noDeveloperRole = { element: notice, admins };
  }
  return scan;
}
