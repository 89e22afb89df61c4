/**
 * Messages the service worker sends to content scripts (tabs.sendMessage). Content scripts
 * accept them only from their own extension's worker (no tab, our id), parsed with zod.
 */
import * as z from 'zod/mini';

export const ToContent = z.discriminatedUnion('type', [z.object({ type: z.literal('guide.open') })]);
export type ToContent = z.infer<typeof ToContent>;

export function parseFromWorker(message: unknown, sender: { id?: string; tab?: unknown }, extensionId: string): ToContent | undefined {
  if (sender.id !== extensionId || sender.tab) return undefined;
  const parsed = ToContent.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}
