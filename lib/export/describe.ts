/** Job states in the user's language (their reasons: lib/failures/describe.ts). */
import type { MessageKey } from '../i18n/app';
import type { JobState } from './job';

export const stateKeys: Record<JobState, MessageKey> = {
  queued: 'stateQueued',
  fetching: 'stateFetching',
  uploading: 'stateUploading',
  done: 'stateDone',
  duplicate: 'stateDuplicate',
  failed: 'stateFailed',
  cancelled: 'stateCancelled',
};
