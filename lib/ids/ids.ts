/**
 * The id patterns, written once: Banqup's document ids and Yokoy's client ids are UUIDs (any
 * version, either case), an imported file is `file:` and its SHA-256. Everything that checks or
 * finds an id (the protocol's schemas, the credentials cleaner, page selection, URL parsing,
 * the import) builds on these, so a change of format is one edit.
 */

/** A UUID's text, unanchored (to compose into a larger pattern, e.g. a URL path). */
export const UUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Exactly one UUID, any version, either case. */
export const uuidPattern = new RegExp(`^${UUID_SOURCE}$`, 'i');

export const isUuid = (value: string): boolean => uuidPattern.test(value);

/** An imported file's document id: `file:` and the SHA-256 of its bytes (lib/import/files.ts). */
export const FILE_ID_PREFIX = 'file:';
export const fileIdPattern = new RegExp(`^${FILE_ID_PREFIX}[0-9a-f]{64}$`);
