/**
 * The store listings' words in the five languages: Chrome Web Store (name, summary ≤ 132
 * characters, description) and Firefox Add-ons (summary ≤ 250, description), and the captions
 * drawn on the screenshots. Ours (no third-party text); facts match README and PRIVACY.md.
 * `npm run store` (scripts/store.ts) writes them to .output/store/ and checks the limits.
 */
import type { Language } from '../lib/i18n';

export interface Listing {
  name: string;
  /** Chrome's "summary" and Firefox's "summary" (the shorter limit, Chrome's, applies to both). */
  summary: string;
  description: string;
  /** One caption per screenshot, in the order scripts/store.ts takes them. */
  captions: { connection: string; export: string; history: string; guide: string; dark: string };
  /** The promotional tile's tagline. */
  tagline: string;
}

export const limits = { name: 75, summary: 132, description: 16_000, tagline: 60 } as const;

export const listings: Record<Language, Listing> = {
  en: {
    name: 'Yokoy Companion for Banqup',
    summary: 'Connect Banqup to Yokoy in minutes and send your invoices, old and new, to Yokoy exactly once.',
    description: `Yokoy Companion for Banqup connects Unifiedpost's Banqup e-invoicing platform to Yokoy's spend management, and sends your purchase invoices from one to the other.

Setting up the connection by hand takes 14 steps across two web apps, with a client secret that Yokoy shows only once. The companion makes it short and safe:

• Credentials checked as you paste them: spaces and labels removed, swapped values flagged, then verified live with Yokoy. Pick the legal entity that receives the invoices.
• On Yokoy's Developer page it outlines your organization ID and, on your click, keeps the one-time client secret encrypted in this browser.
• On Banqup, a guide walks you through the accounting-app setup, highlighting each control and filling the values from the vault on your click.
• Exports: "Send to Yokoy" on an invoice, on ticked rows, from the context menu, or a backfill of old invoices by date, supplier and status. Each invoice is sent once: the companion looks in Yokoy before sending, retries politely when Yokoy is busy, and resumes after the browser restarts.
• Progress you can read: done of total, rate, time left, what waits and why. A history with links into Yokoy, reasons for failures, "Retry failed" and a CSV.
• Light and dark, keyboard throughout, in English, Portuguese, French, Dutch and German.

Privacy: no server of ours, no analytics, no remote code. Your client secret is encrypted with a key no code can read out, and sent only to Yokoy's token endpoint. Invoices go from your Banqup session straight to Yokoy's API. The privacy policy lists everything the extension stores and sends.

Yokoy Companion for Banqup is an independent tool; Banqup and Yokoy are trademarks of their owners.`,
    captions: {
      connection: 'Paste the credentials: checked as you type, verified live with Yokoy',
      export: 'Send old and new invoices once, with rate and time left',
      history: 'Every invoice, its state and a link into Yokoy',
      guide: 'On Banqup: a guide highlights each step of the setup',
      dark: 'Light or dark, as your system or as you choose',
    },
    tagline: 'Banqup invoices in Yokoy, exactly once',
  },
  pt: {
    name: 'Yokoy Companion para Banqup',
    summary: 'Ligue o Banqup ao Yokoy em minutos e envie as suas faturas, antigas e novas, para o Yokoy exatamente uma vez.',
    description: `O Yokoy Companion para Banqup liga a plataforma de faturação eletrónica Banqup, da Unifiedpost, à gestão de despesas do Yokoy, e envia as suas faturas de compra de uma para a outra.

Configurar a ligação à mão são 14 passos em duas aplicações web, com um segredo de cliente que o Yokoy mostra uma única vez. O companheiro torna-o curto e seguro:

• Credenciais verificadas ao colar: espaços e rótulos removidos, valores trocados assinalados, e depois confirmadas em direto com o Yokoy. Escolha a entidade jurídica que recebe as faturas.
• Na página Developer do Yokoy, destaca o ID da organização e, com o seu clique, guarda o segredo de cliente de uso único, cifrado, neste navegador.
• No Banqup, um guia acompanha a configuração da aplicação de contabilidade, destacando cada controlo e preenchendo os valores a partir do cofre com o seu clique.
• Exportações: "Enviar para o Yokoy" numa fatura, nas linhas marcadas, no menu de contexto, ou o envio de faturas antigas por data, fornecedor e estado. Cada fatura é enviada uma vez: o companheiro procura no Yokoy antes de enviar, espera quando o Yokoy está ocupado e continua depois de o navegador reiniciar.
• Progresso legível: feitas de total, ritmo, tempo restante, o que espera e porquê. Um histórico com ligações para o Yokoy, motivos das falhas, "Repetir falhadas" e um CSV.
• Claro e escuro, tudo pelo teclado, em português, inglês, francês, neerlandês e alemão.

Privacidade: nenhum servidor nosso, sem estatísticas, sem código remoto. O segredo de cliente é cifrado com uma chave que nenhum código consegue ler e só é enviado para o serviço de tokens do Yokoy. As faturas vão da sua sessão do Banqup diretamente para a API do Yokoy. A política de privacidade lista tudo o que a extensão guarda e envia.

O Yokoy Companion para Banqup é uma ferramenta independente; Banqup e Yokoy são marcas dos respetivos titulares.`,
    captions: {
      connection: 'Cole as credenciais: verificadas ao escrever e confirmadas com o Yokoy',
      export: 'Envie faturas antigas e novas uma só vez, com ritmo e tempo restante',
      history: 'Cada fatura, o seu estado e uma ligação para o Yokoy',
      guide: 'No Banqup: um guia destaca cada passo da configuração',
      dark: 'Claro ou escuro, como o sistema ou como preferir',
    },
    tagline: 'Faturas do Banqup no Yokoy, uma só vez',
  },
  fr: {
    name: 'Yokoy Companion pour Banqup',
    summary: 'Reliez Banqup à Yokoy en quelques minutes et envoyez vos factures, anciennes et nouvelles, une seule fois à Yokoy.',
    description: `Yokoy Companion pour Banqup relie la plateforme de facturation électronique Banqup d'Unifiedpost à la gestion des dépenses Yokoy, et envoie vos factures d'achat de l'une à l'autre.

Configurer la connexion à la main demande 14 étapes dans deux applications web, avec un secret client que Yokoy n'affiche qu'une fois. Le compagnon la rend courte et sûre :

• Identifiants vérifiés dès le collage : espaces et libellés retirés, valeurs inversées signalées, puis contrôle en direct auprès de Yokoy. Choisissez l'entité juridique qui reçoit les factures.
• Sur la page Developer de Yokoy, il met en évidence votre ID d'organisation et, sur votre clic, garde le secret client à usage unique, chiffré, dans ce navigateur.
• Sur Banqup, un guide vous accompagne dans la configuration de l'application comptable, en mettant chaque contrôle en évidence et en remplissant les valeurs depuis le coffre sur votre clic.
• Exports : « Envoyer à Yokoy » sur une facture, sur les lignes cochées, depuis le menu contextuel, ou un rattrapage des anciennes factures par date, fournisseur et statut. Chaque facture est envoyée une fois : le compagnon cherche dans Yokoy avant d'envoyer, patiente quand Yokoy est occupé et reprend après un redémarrage du navigateur.
• Une progression lisible : fait sur total, rythme, temps restant, ce qui attend et pourquoi. Un historique avec des liens vers Yokoy, les raisons des échecs, « Réessayer les échecs » et un CSV.
• Clair et sombre, tout au clavier, en français, anglais, portugais, néerlandais et allemand.

Confidentialité : aucun serveur à nous, aucune statistique, aucun code distant. Votre secret client est chiffré avec une clé qu'aucun code ne peut extraire, et n'est envoyé qu'au service de jetons de Yokoy. Les factures vont de votre session Banqup directement à l'API de Yokoy. La politique de confidentialité liste tout ce que l'extension conserve et envoie.

Yokoy Companion pour Banqup est un outil indépendant ; Banqup et Yokoy sont des marques de leurs propriétaires.`,
    captions: {
      connection: 'Collez les identifiants : vérifiés à la saisie, contrôlés auprès de Yokoy',
      export: 'Anciennes et nouvelles factures envoyées une fois, avec rythme et temps restant',
      history: 'Chaque facture, son état et un lien vers Yokoy',
      guide: 'Sur Banqup : un guide met en évidence chaque étape',
      dark: 'Clair ou sombre, comme le système ou à votre choix',
    },
    tagline: 'Les factures Banqup dans Yokoy, une seule fois',
  },
  nl: {
    name: 'Yokoy Companion voor Banqup',
    summary: 'Koppel Banqup in enkele minuten aan Yokoy en stuur uw facturen, oud en nieuw, precies één keer naar Yokoy.',
    description: `Yokoy Companion voor Banqup koppelt het e-facturatieplatform Banqup van Unifiedpost aan het uitgavenbeheer van Yokoy, en stuurt uw aankoopfacturen van het ene naar het andere.

De koppeling met de hand instellen kost 14 stappen in twee webapps, met een clientgeheim dat Yokoy maar één keer toont. De companion maakt het kort en veilig:

• Gegevens gecontroleerd zodra u ze plakt: spaties en labels verwijderd, verwisselde waarden gemeld, daarna live geverifieerd bij Yokoy. Kies de juridische entiteit die de facturen ontvangt.
• Op de Developer-pagina van Yokoy markeert hij uw organisatie-ID en bewaart hij, na uw klik, het eenmalige clientgeheim versleuteld in deze browser.
• In Banqup loodst een gids u door de instelling van de boekhoudapp: elk bedieningselement gemarkeerd, de waarden uit de kluis ingevuld na uw klik.
• Export: "Naar Yokoy sturen" op een factuur, op aangevinkte rijen, via het contextmenu, of een inhaalslag voor oude facturen op datum, leverancier en status. Elke factuur gaat één keer: de companion zoekt eerst in Yokoy, wacht netjes als Yokoy het druk heeft en gaat verder na een herstart van de browser.
• Voortgang die u kunt lezen: klaar van totaal, tempo, resterende tijd, wat wacht en waarom. Een geschiedenis met links naar Yokoy, redenen van fouten, "Mislukte opnieuw" en een CSV.
• Licht en donker, alles met het toetsenbord, in het Nederlands, Engels, Frans, Portugees en Duits.

Privacy: geen eigen server, geen statistieken, geen code op afstand. Uw clientgeheim is versleuteld met een sleutel die geen code kan uitlezen en gaat alleen naar de tokendienst van Yokoy. Facturen gaan vanuit uw Banqup-sessie rechtstreeks naar de API van Yokoy. Het privacybeleid somt alles op wat de extensie bewaart en verstuurt.

Yokoy Companion voor Banqup is een onafhankelijk hulpmiddel; Banqup en Yokoy zijn merken van hun eigenaars.`,
    captions: {
      connection: 'Plak de gegevens: gecontroleerd tijdens het typen, live geverifieerd bij Yokoy',
      export: 'Oude en nieuwe facturen één keer verstuurd, met tempo en resterende tijd',
      history: 'Elke factuur, de status en een link naar Yokoy',
      guide: 'In Banqup: een gids markeert elke stap van de instelling',
      dark: 'Licht of donker, zoals het systeem of naar keuze',
    },
    tagline: 'Banqup-facturen in Yokoy, precies één keer',
  },
  de: {
    name: 'Yokoy Companion für Banqup',
    summary: 'Verbinden Sie Banqup in wenigen Minuten mit Yokoy und senden Sie Ihre Rechnungen, alte und neue, genau einmal an Yokoy.',
    description: `Yokoy Companion für Banqup verbindet die E-Rechnungsplattform Banqup von Unifiedpost mit dem Ausgabenmanagement von Yokoy und sendet Ihre Eingangsrechnungen von der einen zur anderen.

Die Verbindung von Hand einzurichten, kostet 14 Schritte in zwei Web-Apps, mit einem Client-Secret, das Yokoy nur einmal anzeigt. Der Companion macht es kurz und sicher:

• Zugangsdaten werden schon beim Einfügen geprüft: Leerzeichen und Beschriftungen entfernt, vertauschte Werte gemeldet, dann live bei Yokoy bestätigt. Wählen Sie die juristische Einheit, die die Rechnungen erhält.
• Auf Yokoys Developer-Seite hebt er Ihre Organisations-ID hervor und bewahrt das einmalige Client-Secret auf Ihren Klick verschlüsselt in diesem Browser auf.
• In Banqup führt eine Anleitung durch die Einrichtung der Buchhaltungs-App, hebt jedes Bedienelement hervor und füllt die Werte auf Ihren Klick aus dem Tresor.
• Exporte: „An Yokoy senden“ auf einer Rechnung, für angehakte Zeilen, im Kontextmenü oder als Nachholexport alter Rechnungen nach Datum, Lieferant und Status. Jede Rechnung geht genau einmal: Der Companion sucht vor dem Senden in Yokoy, wartet, wenn Yokoy ausgelastet ist, und macht nach einem Browserneustart weiter.
• Fortschritt, den man lesen kann: erledigt von gesamt, Tempo, Restzeit, was wartet und warum. Ein Verlauf mit Links in Yokoy, Gründen für Fehler, „Fehlgeschlagene wiederholen“ und einer CSV-Datei.
• Hell und dunkel, vollständig per Tastatur, auf Deutsch, Englisch, Französisch, Niederländisch und Portugiesisch.

Datenschutz: kein eigener Server, keine Statistiken, kein nachgeladener Code. Ihr Client-Secret ist mit einem Schlüssel verschlüsselt, den kein Code auslesen kann, und geht nur an Yokoys Token-Dienst. Rechnungen gehen aus Ihrer Banqup-Sitzung direkt an Yokoys API. Die Datenschutzerklärung nennt alles, was die Erweiterung speichert und sendet.

Yokoy Companion für Banqup ist ein unabhängiges Werkzeug; Banqup und Yokoy sind Marken ihrer Inhaber.`,
    captions: {
      connection: 'Zugangsdaten einfügen: beim Tippen geprüft, live bei Yokoy bestätigt',
      export: 'Alte und neue Rechnungen genau einmal, mit Tempo und Restzeit',
      history: 'Jede Rechnung, ihr Status und ein Link in Yokoy',
      guide: 'In Banqup: eine Anleitung hebt jeden Schritt hervor',
      dark: 'Hell oder dunkel, wie das System oder nach Wahl',
    },
    tagline: 'Banqup-Rechnungen in Yokoy, genau einmal',
  },
};
