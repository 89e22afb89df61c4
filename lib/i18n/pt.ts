import type { MessageKey } from './en';

export const pt: Record<MessageKey, string> = {
  productName: 'Yokoy Companion para Banqup',
  version: 'Versão {version}',
  statusHeading: 'Ligação',
  statusLoading: 'A verificar a ligação…',
  statusNotSetUp: 'Ainda não configurado',
  statusVerified: 'Ligado ao Yokoy (organização {organizationId})',
  statusFailing: 'A ligação falha: {reason}',
  statusUnavailable: 'A extensão não respondeu: {reason}',
  launcherLabel: 'Abrir o guia de configuração do Yokoy',
  launcherText: 'Yokoy',
  menuSendToYokoy: 'Enviar para o Yokoy',
};
