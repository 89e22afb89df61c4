/**
 * Answers as values: API handlers return a `Reply` instead of writing to the socket, so the
 * fault layer can still drop the connection or garble the JSON after the handler has run
 * (and, for creates, after the invoice exists), and the log can record the status.
 */

export interface Reply {
  status: number;
  /** JSON-serialized unless `raw` is set. */
  body?: unknown;
  raw?: { data: Buffer; contentType: string };
  headers?: Record<string, string>;
}

export interface FieldError {
  field: string;
  message: string;
}

/** Messages of the description's example error bodies (components.responses). */
export const standardMessages: Record<number, string> = {
  400: 'Validation Error',
  401: 'Token expired',
  403: 'User not authorized to access organization',
  404: 'Resource not found',
  405: 'Method not allowed',
  409: 'Request conflict with the current state of the target resource.',
  422: 'Insufficient data',
  429: 'Too many requests',
  500: 'Server error',
  502: 'Gateway error',
  503: 'Service unavailable',
};

/** The description's `Error` shape: `{code, message}` with `code` the HTTP status as an integer. */
export function apiError(status: number, message = standardMessages[status] ?? 'Error', headers?: Record<string, string>): Reply {
  return { status, body: { code: status, message }, headers };
}

/** The description's `HttpValidationError`: `{code: 400, message: "Validation Error", errors: [{field, message}]}`. */
export function validationError(errors: FieldError[]): Reply {
  return { status: 400, body: { code: 400, message: 'Validation Error', errors } };
}

export const ok = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({ status, body, headers });
