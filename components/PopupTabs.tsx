/**
 * The popup's later tabs, one chunk loaded on demand (components/later-tabs.ts). Named apart from
 * the views themselves so the auto-imports of components/ see each name once.
 */
export { ExportView as ExportTab } from './ExportView';
export { HistoryView as HistoryTab } from './HistoryView';
