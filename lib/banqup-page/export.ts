/** Export helpers on Banqup pages (selection for the context menu, the detail-page button). */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function setupBanqupExport(_ctx: ContentScriptContext): void {
  // Filled in by the export pipeline (issue 6).
}
