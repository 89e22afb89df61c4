/**
 * Performance marks the extension's pages set for the benchmarks: moments an outside probe
 * cannot stamp, such as inside the real toolbar popup, which opens before any probe can attach.
 */

/** The popup's status first shows the worker's answer (components/StatusView.tsx; bench/popup-cold.ts). */
export const STATUS_SHOWN_MARK = 'ykc:status-shown';
