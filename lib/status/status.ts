/** Answers the `status` request: the extension's version and its connection state. */
import type { StatusAnswer } from './messages';

export interface StatusEnv {
  version: string;
  readConnection: () => Promise<StatusAnswer['connection']>;
}

export async function getStatus(env: StatusEnv): Promise<StatusAnswer> {
  return { version: env.version, connection: await env.readConnection() };
}
