/** The assistant on Yokoy's pages in German, key for key with en.ts. */
import type { AssistantKey } from './en';

export const de: Record<AssistantKey, string> = {
  productName: 'Yokoy Companion für Banqup',
  yokoyUseThisId: 'Diese ID in Yokoy Companion verwenden',
  yokoyIdSaved: 'Organisations-ID in Yokoy Companion gespeichert.',
  yokoySaveCredentials: 'In Yokoy Companion speichern',
  yokoySaveCredentialsHint: 'Yokoy zeigt dieses Secret nur einmal an. Yokoy Companion kann es verschlüsselt in diesem Browser aufbewahren.',
  yokoyCredentialsSaved: 'In Yokoy Companion gespeichert und geprüft.',
  yokoyCredentialsSavedUnverified: 'In Yokoy Companion gespeichert. Öffnen Sie die Erweiterung, um die Prüfung abzuschließen.',
  yokoyCaptureRefused: 'Yokoy Companion konnte dies nicht speichern: {problem}',
  yokoyNoDeveloperRole:
    'Um API-Credentials zu erzeugen, benötigen Sie in Yokoy die Entwickler-Rolle. Bitten Sie einen Yokoy-Administrator Ihrer Organisation{admins}, Ihnen die Entwickler-Rolle zu geben (Admin > Benutzer), und kehren Sie dann zu dieser Seite zurück.',
  yokoyDismiss: 'Schließen',
  yokoyCapturePending: 'Wartet auf Ihre Bestätigung: Öffnen Sie Yokoy Companion in der Symbolleiste, um zu prüfen und zu bestätigen.',
  perkNoAccountAdmin:
    'In Perk können nur Kontoadministratoren API-Credentials erzeugen. Bitten Sie einen Kontoadministrator Ihrer Organisation{admins}, sie für Sie zu erzeugen oder Sie zum Kontoadministrator zu machen, und kehren Sie dann zu dieser Seite zurück.',
};
