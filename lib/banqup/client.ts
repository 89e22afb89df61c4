/**
 * Reads Banqup documents through the user's own session (cookies), from the service worker.
 * Failures become typed values: signed out, not found, Banqup failing, network down.
 */
import type * as z from 'zod/mini';
import { banqupApi } from './urls';
import { BankStatementsAnswer, DocumentsAnswer, DocumentSummary, SpacesAnswer } from './schemas';

export type BanqupFailureKind = 'signed-out' | 'not-found' | 'server' | 'network' | 'malformed-answer' | 'forbidden';
export type BanqupResult<T> = { ok: true; value: T } | { ok: false; kind: BanqupFailureKind; status?: number };

export interface DocumentFilters {
  from?: string;
  to?: string;
  supplier?: string;
  status?: string;
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
      response = await env.fetch(url, { credentials: 'include', headers: { Accept: 'application/json, application/xml, application/pdf' } });
    } catch {
      return { ok: false, kind: 'network' };
    }
    if (response.ok) return { ok: true, value: response };
    const kind: BanqupFailureKind =
      response.status === 401 ? 'signed-out' : response.status === 403 ? 'forbidden' : response.status === 404 ? 'not-found' : response.status >= 500 ? 'server' : 'malformed-answer';
    return { ok: false, kind, status: response.status };
  }

  async function getJson<T>(schema: z.ZodMiniType<T>, path: string, query?: Record<string, string | number | undefined>): Promise<BanqupResult<T>> {
    const response = await get(path, query);
    if (!response.ok) return response;
    try {
      const parsed = schema.safeParse(await response.value.json());
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, kind: 'malformed-answer', status: response.value.status };
    } catch {
      return { ok: false, kind: 'malformed-answer', status: response.value.status };
    }
  }

  let spaceCache: string | undefined;
  async function spaceId(): Promise<BanqupResult<string>> {
    if (spaceCache) return { ok: true, value: spaceCache };
    const answer = await getJson(SpacesAnswer, banqupApi.spaces());
    if (!answer.ok) return answer;
    const first = answer.value.spaces[0];
    if (!first) return { ok: false, kind: 'forbidden' };
    spaceCache = first.spaceId;
    return { ok: true, value: first.spaceId };
  }

  return {
    spaceId,

    async listDocuments(filters: DocumentFilters, page: number, pageSize = 100) {
      const space = await spaceId();
      if (!space.ok) return space;
      return getJson(DocumentsAnswer, banqupApi.documents(space.value), { folder: 'PURCHASES', ...filters, page, pageSize });
    },

    async document(id: string): Promise<BanqupResult<DocumentSummary>> {
      const space = await spaceId();
      if (!space.ok) return space;
      return getJson(DocumentSummary, banqupApi.document(space.value, id));
    },

    /** The UBL, or `undefined` when the document has none (a PDF-only document). */
    async ubl(id: string): Promise<BanqupResult<string | undefined>> {
      const space = await spaceId();
      if (!space.ok) return space;
      const answer = await get(banqupApi.ubl(space.value, id));
      if (!answer.ok) return answer.kind === 'not-found' ? { ok: true, value: undefined } : answer;
      return { ok: true, value: await answer.value.text() };
    },

    async pdf(id: string): Promise<BanqupResult<Blob>> {
      const space = await spaceId();
      if (!space.ok) return space;
      const answer = await get(banqupApi.pdf(space.value, id));
      if (!answer.ok) return answer;
      return { ok: true, value: await answer.value.blob() };
    },

    async bankStatementCount(): Promise<BanqupResult<number>> {
      const space = await spaceId();
      if (!space.ok) return space;
      const answer = await getJson(BankStatementsAnswer, banqupApi.bankStatements(space.value));
      return answer.ok ? { ok: true, value: answer.value.bankStatements.length } : answer;
    },
  };
}

export type BanqupClient = ReturnType<typeof createBanqupClient>;
