/**
 * Reasons stored before failures were typed: `{ code: 'yokoy:validation', detail }`, with
 * `export:ambiguous-match` and a bare `internal` beside the `source:kind` ones. Read once, by
 * IndexedDB upgrade 8 (jobs) and the export control's storage migration 2 (a paused queue).
 */
import { isKnownFailure } from './describe';
import type { Failure } from './failure';

const renamed: Record<string, Failure> = {
  'export:ambiguous-match': { source: 'companion', kind: 'ambiguous-match' },
  internal: { source: 'companion', kind: 'internal' },
};

/** The typed failure for a stored reason; one this version does not know becomes `internal` with the old code kept. */
export function fromLegacyReason(stored: { code: string; detail?: string }): Failure {
  const { code, detail } = stored;
  const split = code.indexOf(':');
  const candidate = renamed[code] ?? { source: code.slice(0, split), kind: code.slice(split + 1) };
  const known = split > 0 || renamed[code] ? candidate : undefined;
  if (known && isKnownFailure(known)) return detail === undefined ? { ...known } : { ...known, detail };
  return { source: 'companion', kind: 'internal', detail: detail === undefined ? code : `${code}: ${detail}` };
}

/** Whether a stored reason still has the old shape. */
export const isLegacyReason = (value: unknown): value is { code: string; detail?: string } =>
  typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && !('source' in value);
