import type { AppKey } from './en';

export const fr: Record<AppKey, string> = {
  productName: 'Yokoy Companion pour Banqup',
  version: 'Version {version}',
  statusHeading: 'Connexion',
  statusLoading: 'Vérification de la connexion…',
  statusNotSetUp: 'Pas encore configuré',
  statusUnverified: 'Enregistré, pas encore vérifié',
  statusVerified: 'Connecté à Yokoy (organisation {organizationId})',
  statusVerifiedEntity: 'Connecté à Yokoy : {legalEntity}',
  statusFailing: 'La connexion échoue : {reason}',
  statusUnavailable: 'L’extension n’a pas répondu : {reason}',

  credentialsHeading: 'Identifiants Yokoy',
  fieldClientId: 'Identifiant client',
  fieldClientSecret: 'Secret client',
  fieldOrganizationId: 'Identifiant d’organisation',
  secretStored: 'Stocké chiffré. Saisissez-en un nouveau pour le remplacer.',
  secretReveal: 'Maintenez enfoncé pour afficher le secret',
  findOrganizationId: 'Trouver mon identifiant d’organisation',
  findOrganizationIdUnavailable: 'Indiquez d’abord l’adresse de Yokoy dans les Paramètres.',
  verify: 'Enregistrer et vérifier',
  verifying: 'Vérification auprès de Yokoy…',
  verified: 'Vérifié : Yokoy a accepté ces identifiants.',
  legalEntityHeading: 'Entité juridique',
  legalEntityHint: 'La société dans Yokoy qui reçoit les factures.',
  legalEntityChosen: 'Entité sélectionnée : {name}.',
  legalEntityNone: 'Yokoy n’a renvoyé aucune entité juridique pour cette organisation. Adressez-vous à votre administrateur Yokoy.',
  settings: 'Paramètres',
  pendingAdopt: 'Utiliser les nouveaux',
  pendingDiscard: 'Garder les actuels',

  fixLabelRemoved: '« {label} », collé avec la valeur, a été supprimé.',
  fixQuotesRemoved: 'Les guillemets autour de la valeur ont été supprimés.',
  fixWhitespaceRemoved: 'Les espaces et sauts de ligne autour de la valeur ont été supprimés.',
  checkEmpty: 'Obligatoire.',
  checkBadCharacter:
    '« {character} » (caractère {position}) n’est pas valide dans le champ « {field} ». Copiez à nouveau la valeur depuis Yokoy.',
  checkBadCharacterSpace:
    'Un espace (caractère {position}) n’est pas valide dans le champ « {field} ». Copiez à nouveau la valeur depuis Yokoy.',
  checkLooksLikeClientSecret:
    'Ceci ressemble à un secret client. Il va dans le champ « Secret client » ; l’identifiant client est l’autre valeur de la fenêtre des identifiants de Yokoy.',
  checkLooksLikeOrganizationId:
    'Ceci ressemble à un identifiant d’organisation. Il va dans le champ « Identifiant d’organisation » ; l’identifiant client se trouve dans la fenêtre des identifiants de Yokoy.',
  checkLooksLikeClientId: 'Ceci ressemble à un identifiant client. Il va dans le champ « Identifiant client ».',
  checkLooksLikeLegalEntityId:
    'Ceci est l’identifiant d’une entité juridique, pas celui de l’organisation. L’identifiant d’organisation se trouve en haut à droite de la page Développeur de Yokoy.',
  checkUnusualFormat:
    'Les identifiants d’organisation Yokoy comptent généralement 10 ou 20 lettres et chiffres. Vérifiez qu’il a été copié en entier.',

  failureInvalidClient:
    'Yokoy n’a pas accepté cet identifiant client et ce secret. Copiez-les à nouveau depuis Admin → Développeur dans Yokoy (dans Perk : Outils de développement → Outils de dépenses) ; si le secret est perdu, générez-y de nouveaux identifiants.',
  failureOrganizationMismatch:
    'Ces identifiants n’appartiennent pas à l’organisation « {organizationId} ». Copiez l’identifiant d’organisation en haut à droite de Admin → Développeur ou Admin → Organisation dans Yokoy (dans Perk : Outils de développement → Outils de dépenses).',
  failureMissingPermission:
    'Yokoy a refusé : il manque une autorisation à ces identifiants. Demandez le rôle Développeur à votre administrateur Yokoy, puis générez à nouveau les identifiants.',
  failureNotFound: 'Yokoy n’a pas trouvé l’élément demandé. Vérifiez à nouveau la connexion.',
  failureValidation: 'Yokoy a refusé les données : {detail}',
  failureConflict: 'Yokoy a signalé un conflit : {detail}',
  failureRateLimited: 'Yokoy est occupé (trop de requêtes). Réessayez dans une minute.',
  failureServer: 'Yokoy rencontre des difficultés en ce moment. Réessayez plus tard ; rien n’a été modifié.',
  failureNetwork: 'Impossible de joindre Yokoy. Vérifiez votre connexion Internet et réessayez.',
  failureMalformedAnswer: 'Yokoy a renvoyé une réponse illisible. Réessayez plus tard.',
  failureUnauthorized:
    'Yokoy a refusé le jeton d’accès. Vérifiez à nouveau ; si le problème persiste, générez de nouveaux identifiants dans Yokoy.',
  failureNotConfigured: 'Aucune adresse Yokoy n’est définie. Ouvrez les Paramètres et choisissez l’environnement.',
  failureInvoiceGone: 'Envoyée, mais Yokoy n’a plus la facture (elle y a été supprimée) : elle n’a pas pu être liée à ce document.',
  failureLegalEntityGone:
    'L’entité juridique choisie pour les exports n’existe plus dans Yokoy. Vérifiez à nouveau dans la fenêtre de l’extension et choisissez-en une autre ; l’export attend.',
  failureSaveRefused: 'Non enregistré : {problem}',
  failureNoAnswer:
    'L’extension n’a pas répondu ({detail}). Réessayez ; si cela se reproduit, rechargez l’extension depuis la page des extensions du navigateur.',

  setUpInBanqup: 'Configurer dans Banqup',
  tabConnection: 'Connexion',
  tabExport: 'Export',
  tabHistory: 'Historique',
  importOpen: 'Importer des fichiers',
  // Issue 12: capture confirmation, address checks, the secret bound to its Yokoy.
  pendingTitle: 'Confirmez les identifiants récupérés sur la page de Yokoy',
  pendingChangeOrganization: 'ID d’organisation : {from} → {to}',
  pendingChangeClientId: 'ID client : {from} → {to}',
  pendingChangeSecret: 'Un nouveau secret client (non affiché)',
  pendingNone: 'aucun',
  pendingEntityKept: 'Entité juridique : {name} (inchangée)',
  pendingEntityAgain: 'Entité juridique : choisie à nouveau une fois que Yokoy aura vérifié les nouveaux identifiants (actuelle : {name})',
  pendingKeepsCurrent:
    'Tant que vous ne confirmez pas, le companion garde les identifiants actuels. Ne confirmez que si vous venez d’enregistrer vous-même ces valeurs sur la page de Yokoy.',
  reconcileOpen: 'Rapprocher avec Yokoy',
};
