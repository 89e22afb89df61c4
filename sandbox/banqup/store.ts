/**
 * Banqup's side of the sandbox: the user and their sessions, the space (company) with its
 * documents (purchase invoices, credit notes, bank statements) and the accounting-app setup,
 * all kept server-side so a reload resumes where the user was.
 *
 * Documents: the seed (`sandbox/data/seed.ts`, ≥40 purchase documents) plus, when
 * `invoicesDir` (SANDBOX_INVOICES) is given, the UBL files imported from that folder. The
 * imported ones JOIN the seed rather than replace it, so the demo data stays complete and
 * your own invoices show at the top (newest received first); `importReport` lists them and
 * every rejected file with its reason. The folder is read once, at start; `reset()` keeps it.
 */
import { randomBytes } from 'node:crypto';
import { importInvoiceFolder } from '../data/import';
import { seedBankStatements, seedDocuments, type BankStatement, type SandboxDocument } from '../data/seed';
import type { Language } from './labels';
import { newSetup, type AccountingSetup } from './setup-wizard';

/** Which Banqup the look-alike plays (REAL-PRODUCTS.md §1): classic (the accounting-app wizard) or new (app launcher, Store, no Yokoy). */
export type BanqupPlatform = 'classic' | 'new';
export const banqupPlatforms: readonly BanqupPlatform[] = ['classic', 'new'];
export const isBanqupPlatform = (v: unknown): v is BanqupPlatform => v === 'classic' || v === 'new';

export interface BanqupStoreOptions {
  /** A folder of UBL files to import as purchase invoices (SANDBOX_INVOICES). */
  invoicesDir?: string;
  /** The platform served (default classic); `PUT /__admin/platform` changes it until the next reset. */
  platform?: BanqupPlatform;
}

export interface BanqupUser {
  userId: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  language: Language;
  spaceId: string;
}

export interface BanqupSpace {
  spaceId: string;
  name: string;
  vatId: string;
  country: string;
}

export type { BankStatement } from '../data/seed';

export interface ImportReport {
  dir: string;
  imported: { documentId: string; fileName: string }[];
  rejected: { file: string; reason: string }[];
}

/** The seeded login; `npm start` prints it and tests sign in with it. */
export const banqupSeedUser = {
  userId: 'usr-7f3c1e52-ana',
  email: 'ana.silva@acme.example',
  password: 'banqup-sandbox',
  firstName: 'Ana',
  lastName: 'Silva',
} as const;

export const banqupSeedSpace: BanqupSpace = {
  spaceId: 'spc-2d9a64b0-acme-pt',
  name: 'Acme Portugal Lda',
  vatId: 'PT509876543',
  country: 'PT',
};

/** Reads the invoice folder once; a missing or unreadable folder is reported, never fatal. */
function importFolder(dir: string): { documents: SandboxDocument[]; report: ImportReport } {
  try {
    const { imported, rejected } = importInvoiceFolder(dir);
    return {
      documents: imported,
      report: { dir, imported: imported.map((d) => ({ documentId: d.documentId, fileName: d.fileName })), rejected },
    };
  } catch (error) {
    return {
      documents: [],
      report: { dir, imported: [], rejected: [{ file: dir, reason: error instanceof Error ? error.message : String(error) }] },
    };
  }
}

export function createBanqupStore(options: BanqupStoreOptions = {}) {
  // Seed and import are computed once: they are immutable data, and PDFs take time to write.
  const seeded = seedDocuments();
  const statements = seedBankStatements();
  const fromFolder = options.invoicesDir ? importFolder(options.invoicesDir) : undefined;

  // The first document with an id wins, as a scan from the top would find it.
  const indexById = (docs: SandboxDocument[]) => {
    const index = new Map<string, number>();
    docs.forEach((d, i) => index.has(d.documentId) || index.set(d.documentId, i));
    return index;
  };
  let positions: { of: SandboxDocument[] | undefined; index: Map<string, number> } = { of: undefined, index: new Map() };

  const store = {
    options,
    importReport: fromFolder?.report as ImportReport | undefined,
    users: new Map<string, BanqupUser>(),
    spaces: new Map<string, BanqupSpace>(),
    /** Session token → userId. */
    sessions: new Map<string, string>(),
    /** Newest received first, the order Banqup lists them in. */
    documents: [] as SandboxDocument[],
    bankStatements: [] as BankStatement[],
    /** userId → accounting-app setup. */
    setups: new Map<string, AccountingSetup>(),
    platform: (options.platform ?? 'classic') as BanqupPlatform,

    reset() {
      store.platform = options.platform ?? 'classic';
      store.users.clear();
      store.spaces.clear();
      store.sessions.clear();
      store.setups.clear();
      store.spaces.set(banqupSeedSpace.spaceId, { ...banqupSeedSpace });
      store.users.set(banqupSeedUser.userId, { ...banqupSeedUser, language: 'pt', spaceId: banqupSeedSpace.spaceId });
      store.documents = [...(fromFolder?.documents ?? []), ...seeded].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
      store.bankStatements = [...statements].sort((a, b) => b.date.localeCompare(a.date));
    },

    findUserByEmail(email: string): BanqupUser | undefined {
      const wanted = email.trim().toLowerCase();
      return [...store.users.values()].find((u) => u.email.toLowerCase() === wanted);
    },

    createSession(userId: string): string {
      const token = randomBytes(24).toString('base64url');
      store.sessions.set(token, userId);
      return token;
    },

    userForSession(token: string | undefined): BanqupUser | undefined {
      const userId = token ? store.sessions.get(token) : undefined;
      return userId ? store.users.get(userId) : undefined;
    },

    setupFor(userId: string): AccountingSetup {
      let setup = store.setups.get(userId);
      if (!setup) store.setups.set(userId, (setup = newSetup()));
      return setup;
    },

    /**
     * By id through a map of positions (an export reads each document three times: a scan of
     * 10,000 was 0.1 ms a read). `documents` is replaced (reset, the bench) and edited in place
     * (tests): a position that no longer holds the id, or an id not found, rebuilds the map once.
     */
    document(spaceId: string, documentId: string): SandboxDocument | undefined {
      if (!store.spaces.has(spaceId)) return undefined;
      const at = (rebuild: boolean) => {
        if (rebuild || positions.of !== store.documents) positions = { of: store.documents, index: indexById(store.documents) };
        const doc = store.documents[positions.index.get(documentId) ?? -1];
        return doc?.documentId === documentId ? doc : undefined;
      };
      return at(false) ?? at(true);
    },
  };
  store.reset();
  return store;
}

export type BanqupStore = ReturnType<typeof createBanqupStore>;
