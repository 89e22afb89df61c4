/**
 * German strings (Deutsch), formal ("Sie"). Yokoy's own German words where its help quotes them
 * (help.yokoy.ai/de/articles/110470): Admin > Entwickler, Entwickler-Rolle, Client-ID,
 * Client-Secret, Credentials erzeugen, Yokoy-Administrator, "Firma" for a legal entity.
 * "Organisations-ID" is ours (no German Yokoy page names it).
 */
import type { ExportKey } from './en';

export const de: Record<ExportKey, string> = {
  exportHeading: 'Export nach Yokoy',
  exportFrom: 'Ausgestellt ab',
  exportTo: 'Ausgestellt bis',
  exportSupplier: 'Lieferant enthält',
  exportStatus: 'Status in Banqup',
  exportPreviewLoading: 'Rechnungen in Banqup werden gezählt…',
  exportBankStatements:
    'Kontoauszüge ({count} in Banqup) können nicht an Yokoy gehen: Die API von Yokoy hat keinen Platz dafür. Nutzen Sie den Bankauszug-Export von Banqup für Ihre Buchhaltungssoftware.',
  exportStart: 'An Yokoy senden',
  exportPause: 'Anhalten',
  exportResume: 'Fortsetzen',
  exportCancel: 'Abbrechen',
  exportProgress: '{done} von {total} bearbeitet',
  exportProgressDetail: '{sent} gesendet, {duplicate} bereits in Yokoy, {failed} fehlgeschlagen, {remaining} ausstehend',
  exportPaused: 'Angehalten.',
  exportNeedsLegalEntity: 'Wählen Sie zuerst im Popup eine Firma.',
  exportNeedsVerification: 'Prüfen Sie zuerst im Popup die Yokoy-Credentials.',
  exportBanqupSignedOut:
    'Banqup hat das Lesen der Rechnungen nicht erlaubt: Melden Sie sich in diesem Browser bei Banqup an und versuchen Sie es erneut.',
  exportBanqupProblem: 'Banqup konnte nicht gelesen werden ({problem}). Versuchen Sie es gleich noch einmal.',
  historyHeading: 'Verlauf',
  historyFilter: 'Anzeigen',
  historyAll: 'Alle',
  historyRetryFailed: 'Fehlgeschlagene erneut senden',
  historyDownloadCsv: 'CSV herunterladen',
  historyOpenInYokoy: 'In Yokoy öffnen',
  stateQueued: 'Eingereiht',
  stateFetching: 'Wird aus Banqup gelesen',
  stateUploading: 'Wird gesendet',
  stateDone: 'Gesendet',
  stateDuplicate: 'Bereits in Yokoy',
  stateFailed: 'Fehlgeschlagen',
  stateCancelled: 'Abgebrochen',
  reasonBanqupSignedOut: 'Bei Banqup abgemeldet: Melden Sie sich an und senden Sie erneut.',
  reasonBanqupNotFound: 'In Banqup nicht mehr vorhanden.',
  reasonBanqupOther: 'Banqup konnte das Dokument nicht liefern ({code}).',
  reasonNotAnInvoice: 'Keine Rechnung: Yokoy nimmt nur Rechnungen und Gutschriften an.',
  reasonInternal: 'Ein unerwarteter Fehler; es wird erneut versucht.',
  reasonAmbiguousMatch:
    'Yokoy enthält bereits mehr unmarkierte Kopien mit diesem Lieferanten, dieser Nummer, diesem Datum, Betrag und Typ, als Banqup solche Dokumente hat ({detail}): welche zu diesem Dokument gehört, wäre geraten. Prüfen Sie sie in Yokoy, löschen Sie die überzählige Kopie und versuchen Sie es erneut.',
  reasonNotAPdf:
    'Banqup hat für diese Rechnung kein PDF geliefert, und Yokoy verlangt eines. Öffnen Sie sie in Banqup und versuchen Sie es erneut.',
  historyTwinsTwoUploads:
    'Yokoy enthält diese Rechnung mehr als einmal ({ids}): Sie wurde zweimal gesendet, weil die Antwort auf den ersten Upload verloren ging und die Rechnung danach nicht gefunden wurde. Löschen Sie die überzählige Kopie in Yokoy; sie ist mit „banqupDuplicateOf“ markiert.',
  exportPayStatus: 'Zahlung in Banqup',
  exportStatusConnector: 'Vollständig genehmigt: was der Connector von Banqup selbst sendet',
  exportStatusAwaitingValidation: 'Wartet auf Validierung',
  exportStatusValidated: 'Validiert',
  exportStatusRefused: 'Abgelehnt',
  exportStatusDisputed: 'Angefochten',
  exportStatusAll: 'Jeder Status',
  exportPayAny: 'Alle',
  exportPayUnpaid: 'Unbezahlt',
  exportPayPartiallyPaid: 'Teilweise bezahlt',
  exportPayFullyPaid: 'Vollständig bezahlt',
  exportStatusHint:
    'Banqup sendet Dokumente an die Buchhaltung, sobald sie genehmigt sind; wählen Sie einen anderen Status, um auch andere zu senden.',
  exportPausedBecause: 'Angehalten: {reason} Klicken Sie danach auf Fortsetzen.',
  exportWaitingForBanqup: 'Warten auf Banqup: Melden Sie sich in diesem Browser bei Banqup an, dann läuft der Export von selbst weiter.',
  historyTwins:
    'Yokoy enthält diese Rechnung mehrfach ({ids}): Die Verbindung brach ab und der Browser hat sie erneut gesendet. Löschen Sie die zusätzliche Kopie in Yokoy; sie ist mit „banqupDuplicateOf“ markiert.',
  historyTotal: '{total} im Verlauf',
  historyCsvProgress: 'CSV wird vorbereitet: {rows} Zeilen…',
  exportPreviewCount: '{count, plural, one {# Rechnung passt.} other {# Rechnungen passen.}}',
  exportStartedCount: '{queued, plural, one {# Rechnung eingereiht} other {# Rechnungen eingereiht}}; {already} bereits in Yokoy.',
  progressRate: '{rate} pro Minute',
  progressTimeLeft: 'Noch etwa {duration}',
  progressStarting: 'Wird gestartet… Tempo und Restzeit erscheinen nach den ersten Rechnungen.',
  progressWaitingRateLimit:
    '{count, plural, one {# Rechnung wartet} other {# Rechnungen warten}}: Yokoy hat um langsameres Senden gebeten. Nächster Versuch um {time}.',
  progressRetrying: '{count, plural, one {# Rechnung wartet} other {# Rechnungen warten}} auf einen neuen Versuch um {time}.',
  progressFinished: 'Fertig: {sent} gesendet, {duplicate} bereits in Yokoy.',
  progressFinishedFailed:
    '{failed, plural, one {# Rechnung konnte nicht gesendet werden} other {# Rechnungen konnten nicht gesendet werden}}: Der Tab „Verlauf“ nennt den Grund.',
  historyEmptyNext:
    'Noch nichts exportiert. Wählen Sie im Tab „Export“ Rechnungen aus und klicken Sie auf „An Yokoy senden“; jede erscheint danach hier.',
};
