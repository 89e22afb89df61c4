/**
 * Typed, versioned extension storage. Each item names its version; a change of shape adds a
 * migration here, never an ad-hoc read elsewhere.
 */
import { storage } from 'wxt/utils/storage';
import type { ConnectionState } from '../messaging/protocol';

export const connectionItem = storage.defineItem<ConnectionState>('local:connection', {
  fallback: { state: 'not-set-up' },
  version: 1,
});
