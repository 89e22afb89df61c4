/**
 * Banqup's URLs as data: where a document's id appears in a page or link URL, and the paths of
 * its internal API (read through the user's own session). The extension builds every Banqup
 * URL itself from an origin in settings and a document id: content scripts never name one.
 */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Page and link paths that show one document (the detail page). */
const documentPathPattern = /\/documents\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[/?#]|$)/i;

export function documentIdFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return documentPathPattern.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  } catch {
    return undefined;
  }
}

export const banqupApi = {
  spaces: () => '/api/v1/spaces',
  documents: (spaceId: string) => `/api/v1/spaces/${encodeURIComponent(spaceId)}/documents`,
  document: (spaceId: string, id: string) => `/api/v1/spaces/${encodeURIComponent(spaceId)}/documents/${encodeURIComponent(id)}`,
  ubl: (spaceId: string, id: string) => `${banqupApi.document(spaceId, id)}/ubl`,
  pdf: (spaceId: string, id: string) => `${banqupApi.document(spaceId, id)}/pdf`,
  bankStatements: (spaceId: string) => `/api/v1/spaces/${encodeURIComponent(spaceId)}/bank-statements`,
  /** Banqup's page for one document (links in the history). */
  documentPage: (id: string) => `/documents/${encodeURIComponent(id)}`,
} as const;
