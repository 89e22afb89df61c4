/**
 * What confirming the values captured on Yokoy's page would change, for the popup to show
 * before the user decides (issue 12): the organization ID (both are identifiers, shown whole),
 * the client ID's last characters, whether a new secret comes with them, and what happens to
 * the legal entity (kept when the organization stays; chosen again after verification when it
 * changes). Pure: a credentials view in, plain facts out.
 */
import type { CredentialsView } from './messages';

export interface PendingChange {
  organizationId?: { from?: string; to: string };
  /** Last characters only: enough to tell two client IDs apart at a glance. */
  clientId?: { from?: string; to: string };
  secret: boolean;
  legalEntity: { kind: 'kept'; name: string } | { kind: 'chosen-again'; from?: string } | { kind: 'none' };
}

export const lastChars = (value: string, n = 4): string => (value.length <= n ? value : `…${value.slice(-n)}`);

export function describePending(
  view: Pick<CredentialsView, 'pending' | 'clientId' | 'organizationId' | 'legalEntities' | 'legalEntityId'>,
): PendingChange | undefined {
  const pending = view.pending;
  if (!pending) return undefined;
  const orgChanges = pending.organizationId !== undefined && pending.organizationId !== view.organizationId;
  const idChanges = pending.clientId !== undefined && pending.clientId !== view.clientId;
  const current = view.legalEntities?.find((e) => e.id === view.legalEntityId)?.name;
  return {
    organizationId: orgChanges ? { from: view.organizationId, to: pending.organizationId! } : undefined,
    clientId: idChanges ? { from: view.clientId && lastChars(view.clientId), to: lastChars(pending.clientId!) } : undefined,
    secret: Boolean(pending.hasSecret),
    legalEntity: orgChanges ? { kind: 'chosen-again', from: current } : current ? { kind: 'kept', name: current } : { kind: 'none' },
  };
}
