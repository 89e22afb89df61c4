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
  const [source = '', kind = ''] = code.split(/:(.*)/s);
  // A code without its source (or a source this version does not know) is refused by isKnownFailure.
  const candidate = renamed[code] ?? { source, kind };
  if (isKnownFailure(candidate)) return detail === undefined ? { ...candidate } : { ...candidate, detail };
  return { source: 'companion', kind: 'internal', detail: detail === undefined ? code : `${code}: ${detail}` };
}

/** Whether a stored reason still has the old shape. */
export const isLegacyReason = (value: unknown): value is { code: string; detail?: string } =>
  typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && !('source' in value);
