import type { MessageKey } from './en';

export const nl: Record<MessageKey, string> = {
  productName: 'Yokoy Companion voor Banqup',
  version: 'Versie {version}',
  statusHeading: 'Verbinding',
  statusLoading: 'Verbinding controleren…',
  statusNotSetUp: 'Nog niet ingesteld',
  statusVerified: 'Verbonden met Yokoy (organisatie {organizationId})',
  statusFailing: 'Verbinding mislukt: {reason}',
  statusUnavailable: 'De extensie antwoordde niet: {reason}',
  launcherLabel: 'De Yokoy-installatiegids openen',
  launcherText: 'Yokoy',
  menuSendToYokoy: 'Naar Yokoy sturen',
};
