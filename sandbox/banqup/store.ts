/**
 * Banqup's side of the sandbox: the signed-in user, documents (purchase invoices, credit
 * notes, bank statements) and the accounting-app setup, kept server-side so a reload resumes.
 */
export interface BanqupStoreOptions {
  /** A folder of UBL files to import as purchase invoices (SANDBOX_INVOICES). */
  invoicesDir?: string;
}

export function createBanqupStore(options: BanqupStoreOptions = {}) {
  const store = {
    options,
    reset() {},
  };
  store.reset();
  return store;
}

export type BanqupStore = ReturnType<typeof createBanqupStore>;
