/**
 * The one shape of an outcome that can fail: Yokoy's client, Banqup's client, a document
 * source, the UBL reader and the message protocol all answer with it, so a caller reads
 * `ok`, then `value` or `failure`, wherever the answer came from. Each failure type is a union
 * with a `kind` (see ./failure.ts for the ones a person is shown).
 */
export type Result<T, F> = Success<T> | Failed<F>;
export type Success<T> = { ok: true; value: T };
export type Failed<F> = { ok: false; failure: F };

export const succeeded = <T>(value: T): Success<T> => ({ ok: true, value });
export const failed = <F>(failure: F): Failed<F> => ({ ok: false, failure });
