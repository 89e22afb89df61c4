/** The assistant on Yokoy's pages in Dutch, key for key with en.ts. */
import type { AssistantKey } from './en';

export const nl: Record<AssistantKey, string> = {
  productName: 'Yokoy Companion voor Banqup',
  yokoyUseThisId: 'Deze ID gebruiken in Yokoy Companion',
  yokoyIdSaved: 'Organisatie-ID opgeslagen in Yokoy Companion.',
  yokoySaveCredentials: 'Opslaan in Yokoy Companion',
  yokoySaveCredentialsHint: 'Yokoy toont dit geheim maar één keer. Yokoy Companion kan het versleuteld bewaren in deze browser.',
  yokoyCredentialsSaved: 'Opgeslagen en geverifieerd in Yokoy Companion.',
  yokoyCredentialsSavedUnverified: 'Opgeslagen in Yokoy Companion. Open de extensie om de controle af te ronden.',
  yokoyCaptureRefused: 'Yokoy Companion kon dit niet opslaan: {problem}',
  yokoyNoDeveloperRole:
    'U hebt de rol Ontwikkelaar van Yokoy nodig om API-toegangsgegevens aan te maken. Vraag een Yokoy-beheerder van uw organisatie{admins} om u de rol Ontwikkelaar toe te kennen (Admin → Gebruikers) en kom daarna terug naar deze pagina.',
  yokoyDismiss: 'Sluiten',
  yokoyCapturePending: 'Wacht op uw bevestiging: open Yokoy Companion via de werkbalk om te controleren en te bevestigen.',
  perkNoAccountAdmin:
    'In Perk kunnen alleen accountbeheerders API-gegevens aanmaken. Vraag een accountbeheerder van uw organisatie{admins} om ze voor u aan te maken of u accountbeheerder te maken, en kom daarna terug naar deze pagina.',
};
