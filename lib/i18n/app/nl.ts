import type { AppKey } from './en';

export const nl: Record<AppKey, string> = {
  productName: 'Yokoy Companion voor Banqup',
  version: 'Versie {version}',
  statusHeading: 'Verbinding',
  statusLoading: 'Verbinding controleren…',
  statusNotSetUp: 'Nog niet ingesteld',
  statusUnverified: 'Opgeslagen, nog niet geverifieerd',
  statusVerified: 'Verbonden met Yokoy (organisatie {organizationId})',
  statusVerifiedEntity: 'Verbonden met Yokoy: {legalEntity}',
  statusFailing: 'Verbinding mislukt: {reason}',
  statusUnavailable: 'De extensie antwoordde niet: {reason}',

  credentialsHeading: 'Yokoy-toegangsgegevens',
  fieldClientId: 'Client-ID',
  fieldClientSecret: 'Clientgeheim',
  fieldOrganizationId: 'Organisatie-ID',
  secretStored: 'Versleuteld opgeslagen. Typ om het te vervangen.',
  secretReveal: 'Ingedrukt houden om het geheim te tonen',
  findOrganizationId: 'Mijn organisatie-ID zoeken',
  findOrganizationIdUnavailable: 'Stel eerst het adres van Yokoy in bij Instellingen.',
  verify: 'Opslaan en verifiëren',
  verifying: 'Verifiëren bij Yokoy…',
  verified: 'Geverifieerd: Yokoy heeft deze toegangsgegevens geaccepteerd.',
  legalEntityHeading: 'Juridische entiteit',
  legalEntityHint: 'Het bedrijf in Yokoy dat de facturen ontvangt.',
  legalEntityChosen: '{name} is geselecteerd.',
  legalEntityNone: 'Yokoy gaf geen juridische entiteit terug voor deze organisatie. Vraag het na bij uw Yokoy-beheerder.',
  settings: 'Instellingen',
  pendingAdopt: 'De nieuwe gebruiken',
  pendingDiscard: 'De huidige behouden',

  fixLabelRemoved: '‘{label}’, dat mee was geplakt, is verwijderd.',
  fixQuotesRemoved: 'De aanhalingstekens rond de waarde zijn verwijderd.',
  fixWhitespaceRemoved: 'Spaties en regeleinden rond de waarde zijn verwijderd.',
  checkEmpty: 'Verplicht.',
  checkBadCharacter: '‘{character}’ (teken {position}) is niet toegestaan in het veld ‘{field}’. Kopieer de waarde opnieuw uit Yokoy.',
  checkBadCharacterSpace: 'Een spatie (teken {position}) is niet toegestaan in het veld ‘{field}’. Kopieer de waarde opnieuw uit Yokoy.',
  checkLooksLikeClientSecret:
    'Dit lijkt een clientgeheim. Dat hoort in het veld ‘Clientgeheim’; de client-ID is de andere waarde in het venster met toegangsgegevens van Yokoy.',
  checkLooksLikeOrganizationId:
    'Dit lijkt een organisatie-ID. Die hoort in het veld ‘Organisatie-ID’; de client-ID staat in het venster met toegangsgegevens van Yokoy.',
  checkLooksLikeClientId: 'Dit lijkt een client-ID. Die hoort in het veld ‘Client-ID’.',
  checkLooksLikeLegalEntityId:
    'Dit is de ID van een juridische entiteit, niet die van de organisatie. De organisatie-ID staat rechtsboven op de pagina Ontwikkelaar van Yokoy.',
  checkUnusualFormat:
    'Organisatie-ID’s van Yokoy bestaan meestal uit 10 of 20 letters en cijfers. Controleer of de ID volledig is gekopieerd.',

  failureInvalidClient:
    'Yokoy heeft deze client-ID en dit clientgeheim niet geaccepteerd. Kopieer beide opnieuw via Admin → Ontwikkelaar in Yokoy (in Perk: Ontwikkelaarstools → Uitgaventools); bent u het geheim kwijt, genereer daar dan nieuwe toegangsgegevens.',
  failureOrganizationMismatch:
    'Deze toegangsgegevens horen niet bij organisatie ‘{organizationId}’. Kopieer de organisatie-ID rechtsboven op Admin → Ontwikkelaar of Admin → Organisatie in Yokoy (in Perk: Ontwikkelaarstools → Uitgaventools).',
  failureMissingPermission:
    'Yokoy weigerde: deze toegangsgegevens missen een machtiging. Vraag uw Yokoy-beheerder om de rol Ontwikkelaar en genereer daarna opnieuw toegangsgegevens.',
  failureNotFound: 'Yokoy heeft het gevraagde niet gevonden. Verifieer de verbinding opnieuw.',
  failureValidation: 'Yokoy weigerde de gegevens: {detail}',
  failureConflict: 'Yokoy meldde een conflict: {detail}',
  failureRateLimited: 'Yokoy is bezet (te veel verzoeken). Probeer het over een minuut opnieuw.',
  failureServer: 'Yokoy heeft momenteel problemen. Probeer het later opnieuw; er is niets gewijzigd.',
  failureNetwork: 'Yokoy is niet bereikbaar. Controleer uw internetverbinding en probeer het opnieuw.',
  failureMalformedAnswer: 'Yokoy gaf een antwoord dat we niet konden lezen. Probeer het later opnieuw.',
  failureUnauthorized:
    'Yokoy weigerde het toegangstoken. Verifieer opnieuw; blijft het probleem bestaan, genereer dan nieuwe toegangsgegevens in Yokoy.',
  failureNotConfigured: 'Er is geen Yokoy-adres ingesteld. Open Instellingen en kies de omgeving.',
  failureInvoiceGone:
    'Verzonden, maar Yokoy heeft de factuur niet meer (ze is daar verwijderd); ze kon niet aan dit document gekoppeld worden.',
  failureLegalEntityGone:
    'De juridische entiteit voor de exports bestaat niet meer in Yokoy. Controleer opnieuw in de pop-up en kies een andere; de export wacht.',
  failureSaveRefused: 'Niet opgeslagen: {problem}',
  failureNoAnswer:
    'De extensie antwoordde niet ({detail}). Probeer het opnieuw; gebeurt het weer, laad de extensie dan opnieuw op de extensiepagina van de browser.',

  setUpInBanqup: 'Instellen in Banqup',
  tabConnection: 'Verbinding',
  tabExport: 'Export',
  tabHistory: 'Geschiedenis',
  importOpen: 'Bestanden importeren',
  // Issue 12: capture confirmation, address checks, the secret bound to its Yokoy.
  pendingTitle: 'Bevestig de toegangsgegevens die op de pagina van Yokoy zijn overgenomen',
  pendingChangeOrganization: 'Organisatie-ID: {from} → {to}',
  pendingChangeClientId: 'Client-ID: {from} → {to}',
  pendingChangeSecret: 'Een nieuw clientgeheim (niet getoond)',
  pendingNone: 'geen',
  pendingEntityKept: 'Juridische entiteit: {name} (ongewijzigd)',
  pendingEntityAgain: 'Juridische entiteit: opnieuw gekozen zodra Yokoy de nieuwe gegevens heeft geverifieerd (nu: {name})',
  pendingKeepsCurrent:
    'Tot u bevestigt, blijft de companion de huidige gegevens gebruiken. Bevestig alleen als u deze waarden zelf net op de pagina van Yokoy hebt opgeslagen.',
  reconcileOpen: 'Afstemmen met Yokoy',
};
