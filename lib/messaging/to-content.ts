/**
 * Messages the service worker sends to content scripts (tabs.sendMessage). Content scripts
 * accept them only from their own extension's worker (no tab, our id). Checked by hand rather
 * than with zod: the Banqup content script has a size budget and this is one literal.
 */
export type ToContent = { type: 'guide.open' };

const types: readonly ToContent['type'][] = ['guide.open'];

export function parseFromWorker(message: unknown, sender: { id?: string; tab?: unknown }, extensionId: string): ToContent | undefined {
  if (sender.id !== extensionId || sender.tab) return undefined;
  const type = (message as { type?: unknown } | null)?.type;
  return typeof message === 'object' && types.includes(type as ToContent['type']) ? { type: type as ToContent['type'] } : undefined;
}
