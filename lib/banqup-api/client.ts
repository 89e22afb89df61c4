/**
 * Reads Banqup documents through the user's own session (cookies), from the service worker,
 * the documented way where Banqup documents it (./urls.ts, ./schemas.ts) and the inferred way
 * where it does not (./unverified.ts). Failures become typed values: signed out, not found,
 * Banqup failing, network down, with Banqup's own `detail` when its error body has one.
 */
import type * as z from 'zod/mini';
import { banqupApi, banqupValues } from '../sites/banqup/urls';
import { BanqupErrorBody, DocumentsAnswer, DocumentSummary, SpacesAnswer } from './schemas';
import { unverified } from './unverified';
import { failed, succeeded, type Result } from '../failures/result';

export type BanqupFailureKind = 'signed-out' | 'not-found' | 'server' | 'network' | 'malformed-answer' | 'forbidden';
export interface BanqupFailure {
  kind: BanqupFailureKind;
  status?: number;
  /** Banqup's own message, if its error body had one (untrusted: shown as text). */
  detail?: string;
}
export type BanqupResult<T> = Result<T, BanqupFailure>;

/** Banqup's document statuses (its help's names; machine spellings partly unverified), and "any". */
export type DocumentStatusFilter = 'AWAITING_VALIDATION' | 'VALIDATED' | 'FULLY_APPROVED' | 'REFUSED' | 'DISPUTED' | 'ANY';
export type PayStatusFilter = 'UNPAID' | 'PARTIALLY_PAID' | 'FULLY_PAID';

/**
 * What Banqup's own connectors send: approved purchase documents (REAL-PRODUCTS.md §3,
 * support.banqup.com/en/articles/677299, …/de-form/articles/283677). The export's default.
 */
export const CONNECTOR_DEFAULT_STATUS: DocumentStatusFilter = 'FULLY_APPROVED';

export interface DocumentFilters {
  from?: string;
  to?: string;
  supplier?: string;
  /** Absent: what Banqup's connector sends (CONNECTOR_DEFAULT_STATUS); 'ANY': every status. */
  documentStatus?: DocumentStatusFilter;
  payStatus?: PayStatusFilter;
}

/** The list query for these filters, in the (unverified) parameter names. */
export function listQuery(filters: DocumentFilters, page: number, pageSize: number): Record<string, string | number | undefined> {
  const q = unverified.query;
  const status = filters.documentStatus ?? CONNECTOR_DEFAULT_STATUS;
  return {
    [q.folder]: banqupValues.purchases,
    [q.category]: `${banqupValues.invoice},${unverified.creditNoteCategory}`,
    [q.documentStatus]: status === 'ANY' ? undefined : status,
    [q.payStatus]: filters.payStatus,
    [q.supplier]: filters.supplier,
    [q.from]: filters.from,
    [q.to]: filters.to,
    [q.page]: page - 1 + unverified.firstPage,
    [q.size]: Math.min(pageSize, unverified.maxPageSize),
  };
}

export interface BanqupClientEnv {
  fetch: typeof fetch;
  origin: () => Promise<string>;
}

export function createBanqupClient(env: BanqupClientEnv) {
  async function get(path: string, query: Record<string, string | number | undefined> = {}): Promise<BanqupResult<Response>> {
    const url = new URL(path, await env.origin());
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    let response: Response;
    try {
      response = await env.fetch(url, {
        credentials: 'include',
        headers: { Accept: 'application/json, application/xml, application/pdf' },
      });
    } catch {
      return failed({ kind: 'network' });
    }
    if (response.ok) return succeeded(response);
    const kind: BanqupFailureKind =
      response.status === 401
        ? 'signed-out'
        : response.status === 403
          ? 'forbidden'
          : response.status === 404
            ? 'not-found'
            : response.status >= 500
              ? 'server'
              : 'malformed-answer';
    // Banqup's documented error body (S22): its `detail` (else `title`) says what went wrong.
    let detail: string | undefined;
    try {
      const body = BanqupErrorBody.safeParse(await response.json());
      if (body.success) detail = (body.data.detail ?? body.data.title)?.slice(0, 300);
    } catch {
      // Not JSON: the status alone says it.
    }
    return failed({ kind, status: response.status, ...(detail ? { detail } : {}) });
  }

  async function getJson<T>(
    schema: z.ZodMiniType<T>,
    path: string,
    query?: Record<string, string | number | undefined>,
  ): Promise<BanqupResult<T>> {
    const response = await get(path, query);
    if (!response.ok) return response;
    try {
      const parsed = schema.safeParse(await response.value.json());
      return parsed.success ? succeeded(parsed.data) : failed({ kind: 'malformed-answer', status: response.value.status });
    } catch {
      return failed({ kind: 'malformed-answer', status: response.value.status });
    }
  }

  let spaceCache: string | undefined;
  async function spaceId(): Promise<BanqupResult<string>> {
    if (spaceCache) return succeeded(spaceCache);
    const answer = await getJson(SpacesAnswer, banqupApi.spaces());
    if (!answer.ok) return answer;
    // A business space first (S1: type BUSINESS); an empty list means the access is not granted yet.
    const first = answer.value.spaces.find((s) => s.type === 'BUSINESS') ?? answer.value.spaces[0];
    if (!first) return failed({ kind: 'forbidden' });
    spaceCache = first.id;
    return succeeded(first.id);
  }

  return {
    spaceId,

    async listDocuments(filters: DocumentFilters, page: number, pageSize = 100) {
      const space = await spaceId();
      if (!space.ok) return space;
      return getJson(DocumentsAnswer, banqupApi.documents(space.value), listQuery(filters, page, pageSize));
    },

    async document(id: string): Promise<BanqupResult<DocumentSummary>> {
      const space = await spaceId();
      if (!space.ok) return space;
      return getJson(DocumentSummary, banqupApi.document(space.value, id));
    },

    /**
     * The UBL's bytes, or `undefined` when the document has none (a PDF-only document). Bytes,
     * not text: the export sends them on as they are (a 140 KB decode and re-encode per invoice).
     */
    async ubl(id: string): Promise<BanqupResult<Uint8Array | undefined>> {
      const space = await spaceId();
      if (!space.ok) return space;
      const answer = await get(banqupApi.ubl(space.value, id));
      if (!answer.ok) return answer.failure.kind === 'not-found' ? succeeded(undefined) : answer;
      return succeeded(new Uint8Array(await answer.value.arrayBuffer()));
    },

    /** The PDF's bytes (read straight from the answer: no Blob in the browser's registry). */
    async pdf(id: string): Promise<BanqupResult<Uint8Array>> {
      const space = await spaceId();
      if (!space.ok) return space;
      const answer = await get(banqupApi.pdf(space.value, id));
      if (!answer.ok) return answer;
      return succeeded(new Uint8Array(await answer.value.arrayBuffer()));
    },

    async bankStatementCount(): Promise<BanqupResult<number>> {
      const space = await spaceId();
      if (!space.ok) return space;
      const q = unverified.query;
      const answer = await getJson(DocumentsAnswer, banqupApi.documents(space.value), {
        [q.folder]: unverified.bankStatementsFolder,
        [q.page]: unverified.firstPage,
        [q.size]: 1,
      });
      return answer.ok ? succeeded(answer.value.total ?? answer.value.documents.length) : answer;
    },
  };
}

export type BanqupClient = ReturnType<typeof createBanqupClient>;
