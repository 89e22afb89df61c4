/** The launcher's and the export helpers' words in Portuguese (Portugal), key for key with en.ts. */
import type { BanqupPageKey } from './en';

export const pt: Record<BanqupPageKey, string> = {
  // The launcher button (lib/banqup-page/launcher): its accessible name and its text, the product's name.
  launcherLabel: 'Abrir o guia de configuração do Yokoy',
  launcherText: 'Yokoy',
  // The export helpers (lib/banqup-page/export): the invoice page's button and the progress line.
  send: 'Enviar para o Yokoy',
  queued: 'Em fila para o Yokoy.',
  already: 'Já está no Yokoy.',
  needsSetup: 'Configure primeiro o Yokoy Companion (abra-o na barra de ferramentas).',
  progress: 'Exportação para o Yokoy: {done} de {total}',
  failed: 'Não foi possível pôr em fila: {problem}',
  finished: 'Exportação para o Yokoy concluída: {done} de {total}',
};
