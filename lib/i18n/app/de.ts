/**
 * German strings (Deutsch), formal ("Sie"). Yokoy's own German words where its help quotes them
 * (help.yokoy.ai/de/articles/110470): Admin > Entwickler, Entwickler-Rolle, Client-ID,
 * Client-Secret, Credentials erzeugen, Yokoy-Administrator, "Firma" for a legal entity.
 * "Organisations-ID" is ours (no German Yokoy page names it).
 */
import type { AppKey } from './en';

export const de: Record<AppKey, string> = {
  productName: 'Yokoy Companion für Banqup',
  version: 'Version {version}',
  statusHeading: 'Verbindung',
  statusLoading: 'Verbindung wird geprüft…',
  statusNotSetUp: 'Noch nicht eingerichtet',
  statusUnverified: 'Gespeichert, noch nicht geprüft',
  statusVerified: 'Mit Yokoy verbunden (Organisation {organizationId})',
  statusVerifiedEntity: 'Mit Yokoy verbunden: {legalEntity}',
  statusFailing: 'Die Verbindung schlägt fehl: {reason}',
  statusUnavailable: 'Die Erweiterung hat nicht geantwortet: {reason}',

  credentialsHeading: 'Yokoy-Credentials',
  fieldClientId: 'Client-ID',
  fieldClientSecret: 'Client-Secret',
  fieldOrganizationId: 'Organisations-ID',
  secretStored: 'Verschlüsselt gespeichert. Geben Sie ein neues ein, um es zu ersetzen.',
  secretReveal: 'Gedrückt halten, um das Secret anzuzeigen',
  findOrganizationId: 'Meine Organisations-ID finden',
  findOrganizationIdUnavailable: 'Legen Sie zuerst in den Einstellungen die Adresse von Yokoy fest.',
  verify: 'Speichern und prüfen',
  verifying: 'Wird bei Yokoy geprüft…',
  verified: 'Geprüft: Yokoy hat diese Credentials akzeptiert.',
  legalEntityHeading: 'Firma',
  legalEntityHint: 'Die Firma (Rechtseinheit) in Yokoy, die die Rechnungen erhält.',
  legalEntityChosen: '{name} ist ausgewählt.',
  legalEntityNone: 'Yokoy hat für diese Organisation keine Firma zurückgegeben. Wenden Sie sich an Ihren Yokoy-Administrator.',
  settings: 'Einstellungen',
  pendingAdopt: 'Die neuen verwenden',
  pendingDiscard: 'Die aktuellen behalten',

  fixLabelRemoved: '„{label}“, das mit eingefügt wurde, wurde entfernt.',
  fixQuotesRemoved: 'Die Anführungszeichen um den Wert wurden entfernt.',
  fixWhitespaceRemoved: 'Leerzeichen und Zeilenumbrüche um den Wert wurden entfernt.',
  checkEmpty: 'Pflichtfeld.',
  checkBadCharacter: '„{character}“ (Zeichen {position}) ist im Feld „{field}“ nicht zulässig. Kopieren Sie den Wert erneut aus Yokoy.',
  checkBadCharacterSpace:
    'Ein Leerzeichen (Zeichen {position}) ist im Feld „{field}“ nicht zulässig. Kopieren Sie den Wert erneut aus Yokoy.',
  checkLooksLikeClientSecret:
    'Das sieht aus wie ein Client-Secret. Es gehört in das Feld „Client-Secret“; die Client-ID ist der andere Wert im Credentials-Dialog von Yokoy.',
  checkLooksLikeOrganizationId:
    'Das sieht aus wie eine Organisations-ID. Sie gehört in das Feld „Organisations-ID“; die Client-ID steht im Credentials-Dialog von Yokoy.',
  checkLooksLikeClientId: 'Das sieht aus wie eine Client-ID. Sie gehört in das Feld „Client-ID“.',
  checkLooksLikeLegalEntityId:
    'Das ist die ID einer Firma, nicht die der Organisation. Die Organisations-ID steht oben rechts auf der Entwickler-Seite von Yokoy.',
  checkUnusualFormat:
    'Yokoy-Organisations-IDs bestehen meist aus 10 oder 20 Buchstaben und Ziffern. Prüfen Sie, ob sie vollständig kopiert wurde.',

  failureInvalidClient:
    'Yokoy hat diese Client-ID und dieses Client-Secret nicht akzeptiert. Kopieren Sie beide erneut unter Admin > Entwickler in Yokoy (in Perk: Entwicklertools > Spend-Tools); ist das Secret verloren, erzeugen Sie dort neue Credentials.',
  failureOrganizationMismatch:
    'Diese Credentials gehören nicht zur Organisation „{organizationId}“. Kopieren Sie die Organisations-ID oben rechts unter Admin > Entwickler oder Admin > Organisation in Yokoy (in Perk: Entwicklertools > Spend-Tools).',
  failureMissingPermission:
    'Yokoy hat abgelehnt: Diesen Credentials fehlt eine Berechtigung. Bitten Sie Ihren Yokoy-Administrator um die Entwickler-Rolle und erzeugen Sie die Credentials dann neu.',
  failureNotFound: 'Yokoy hat das Angefragte nicht gefunden. Prüfen Sie die Verbindung erneut.',
  failureValidation: 'Yokoy hat die Daten abgelehnt: {detail}',
  failureConflict: 'Yokoy meldet einen Konflikt: {detail}',
  failureRateLimited: 'Yokoy ist ausgelastet (zu viele Anfragen). Versuchen Sie es in einer Minute erneut.',
  failureServer: 'Yokoy hat gerade Probleme. Versuchen Sie es später erneut; es wurde nichts geändert.',
  failureNetwork: 'Yokoy ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  failureMalformedAnswer: 'Yokoys Antwort war nicht lesbar. Versuchen Sie es später erneut.',
  failureUnauthorized:
    'Yokoy hat das Zugriffs-Token abgelehnt. Prüfen Sie erneut; bleibt der Fehler, erzeugen Sie in Yokoy neue Credentials.',
  failureNotConfigured: 'Es ist keine Yokoy-Adresse festgelegt. Öffnen Sie die Einstellungen und wählen Sie die Umgebung.',
  failureInvoiceGone:
    'Gesendet, aber Yokoy hat die Rechnung nicht mehr (sie wurde dort gelöscht); sie konnte diesem Dokument nicht zugeordnet werden.',
  failureLegalEntityGone:
    'Die für Exporte gewählte Firma gibt es in Yokoy nicht mehr. Prüfen Sie im Popup erneut und wählen Sie eine andere; der Export wartet so lange.',
  failureSaveRefused: 'Nicht gespeichert: {problem}',
  failureNoAnswer:
    'Die Erweiterung hat nicht geantwortet ({detail}). Versuchen Sie es erneut; passiert es wieder, laden Sie die Erweiterung auf der Erweiterungsseite des Browsers neu.',

  setUpInBanqup: 'In Banqup einrichten',
  tabConnection: 'Verbindung',
  tabExport: 'Export',
  importOpen: 'Dateien importieren',
  // Issue 12: capture confirmation, address checks, the secret bound to its Yokoy.
  pendingTitle: 'Bestätigen Sie die auf der Yokoy-Seite übernommenen Zugangsdaten',
  pendingChangeOrganization: 'Organisations-ID: {from} → {to}',
  pendingChangeClientId: 'Client-ID: {from} → {to}',
  pendingChangeSecret: 'Ein neues Client-Secret (nicht angezeigt)',
  pendingNone: 'keine',
  pendingEntityKept: 'Juristische Einheit: {name} (unverändert)',
  pendingEntityAgain: 'Juristische Einheit: wird erneut gewählt, sobald Yokoy die neuen Zugangsdaten geprüft hat (jetzt: {name})',
  pendingKeepsCurrent:
    'Bis Sie bestätigen, verwendet der Companion weiter die aktuellen Zugangsdaten. Bestätigen Sie nur, wenn Sie diese Werte gerade selbst auf der Yokoy-Seite gespeichert haben.',
  tabHistory: 'Verlauf',
  reconcileOpen: 'Mit Yokoy abgleichen',
};
