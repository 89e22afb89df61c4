/**
 * The state the look-alikes share: Yokoy's (organizations, users, API clients, tokens,
 * invoices) and Banqup's (user, documents, the accounting-app setup). Each product owns its
 * store module; this file only puts them side by side and resets them together.
 */
import { createBanqupStore, type BanqupStore, type BanqupStoreOptions } from './banqup/store';
import { createYokoyStore, type YokoyStore, type YokoyStoreOptions } from './yokoy-api/store';

export interface SandboxState {
  yokoy: YokoyStore;
  banqup: BanqupStore;
  reset(): void;
}

export interface SandboxStateOptions {
  yokoy?: YokoyStoreOptions;
  banqup?: BanqupStoreOptions;
}

export function createSandboxState(options: SandboxStateOptions = {}): SandboxState {
  const state: SandboxState = {
    yokoy: createYokoyStore(options.yokoy),
    banqup: createBanqupStore(options.banqup),
    reset() {
      state.yokoy.reset();
      state.banqup.reset();
    },
  };
  return state;
}
