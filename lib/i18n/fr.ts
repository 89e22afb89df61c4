import type { MessageKey } from './en';

export const fr: Record<MessageKey, string> = {
  productName: 'Yokoy Companion pour Banqup',
  version: 'Version {version}',
  statusHeading: 'Connexion',
  statusLoading: 'Vérification de la connexion…',
  statusNotSetUp: 'Pas encore configuré',
  statusVerified: 'Connecté à Yokoy (organisation {organizationId})',
  statusFailing: 'La connexion échoue : {reason}',
  statusUnavailable: 'L’extension n’a pas répondu : {reason}',
  launcherLabel: 'Ouvrir le guide de configuration Yokoy',
  launcherText: 'Yokoy',
  menuSendToYokoy: 'Envoyer à Yokoy',
};
