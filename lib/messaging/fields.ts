/**
 * The vocabulary every domain's messages are written in (lib/<domain>/messages.ts): who may
 * send, and the bounded fields that recur. It imports no domain, so the domains can build on it
 * and lib/messaging/protocol.ts can compose them without a circle.
 */
import * as z from 'zod/mini';

export type SenderKind = 'extension-page' | 'banqup-content' | 'yokoy-content';

/** Who may send each request of a domain: the domain's part of `requestPolicy`. */
export type Policy<Type extends string> = { [K in Type]: readonly SenderKind[] };

/** Anything touching credentials or steering the export: the extension's own pages only. */
export const extensionPages = ['extension-page'] as const;

export const short = z.string().check(z.maxLength(2_000));
export const url = z.string().check(z.maxLength(500));
export const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
export const legalEntityId = z.string().check(z.regex(/^[\w-]{1,100}$/));
