/** The assistant on Yokoy's pages in French, key for key with en.ts. */
import type { AssistantKey } from './en';

export const fr: Record<AssistantKey, string> = {
  productName: 'Yokoy Companion pour Banqup',
  yokoyUseThisId: 'Utiliser cet identifiant dans Yokoy Companion',
  yokoyIdSaved: 'Identifiant d’organisation enregistré dans Yokoy Companion.',
  yokoySaveCredentials: 'Enregistrer dans Yokoy Companion',
  yokoySaveCredentialsHint: 'Yokoy n’affiche ce secret qu’une seule fois. Yokoy Companion peut le conserver chiffré dans ce navigateur.',
  yokoyCredentialsSaved: 'Enregistrés et vérifiés dans Yokoy Companion.',
  yokoyCredentialsSavedUnverified: 'Enregistrés dans Yokoy Companion. Ouvrez l’extension pour terminer la vérification.',
  yokoyCaptureRefused: 'Yokoy Companion n’a pas pu enregistrer ceci : {problem}',
  yokoyNoDeveloperRole:
    'Vous avez besoin du rôle Développeur de Yokoy pour créer des identifiants API. Demandez à un administrateur Yokoy de votre organisation{admins} de vous attribuer le rôle Développeur (Admin → Utilisateurs), puis revenez sur cette page.',
  yokoyDismiss: 'Fermer',
  yokoyCapturePending: 'En attente de votre confirmation : ouvrez Yokoy Companion depuis la barre d’outils pour vérifier et confirmer.',
  perkNoAccountAdmin:
    'Dans Perk, seuls les administrateurs du compte peuvent générer des identifiants d’API. Demandez à un administrateur du compte de votre organisation{admins} de les générer pour vous ou de vous nommer administrateur du compte, puis revenez sur cette page.',
};
