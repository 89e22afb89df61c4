/** The `status` message: the extension's version and the connection's state, for anyone of ours. */
import * as z from 'zod/mini';
import type { ConnectionState } from '../connection/messages';
import type { Policy } from '../messaging/fields';

const Status = z.object({ type: z.literal('status') });

export const statusRequests = [Status] as const;
export type StatusRequest = z.infer<typeof Status>;

export const statusPolicy: Policy<StatusRequest['type']> = {
  status: ['extension-page', 'banqup-content', 'yokoy-content'],
};

export interface StatusAnswer {
  version: string;
  connection: ConnectionState;
}

export interface StatusAnswers {
  status: StatusAnswer;
}
