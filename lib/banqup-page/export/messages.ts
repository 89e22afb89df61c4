/**
 * The few strings the export helpers show on Banqup pages, in the page's language. Kept apart
 * from the popup's catalogue so the content script stays small.
 */
import { pickLanguage } from '../language';
import { interpolate } from '../../i18n/format';

export const exportMessages = {
  en: {
    send: 'Send to Yokoy',
    queued: 'Queued for Yokoy.',
    already: 'Already in Yokoy.',
    needsSetup: 'Set up Yokoy Companion first (open it from the toolbar).',
    progress: 'Yokoy export: {done} of {total}',
    failed: 'Could not queue: {problem}',
    finished: 'Yokoy export finished: {done} of {total}',
  },
  pt: {
    send: 'Enviar para o Yokoy',
    queued: 'Em fila para o Yokoy.',
    already: 'Já está no Yokoy.',
    needsSetup: 'Configure primeiro o Yokoy Companion (abra-o na barra de ferramentas).',
    progress: 'Exportação para o Yokoy: {done} de {total}',
    failed: 'Não foi possível pôr em fila: {problem}',
    finished: 'Exportação para o Yokoy concluída: {done} de {total}',
  },
  fr: {
    send: 'Envoyer à Yokoy',
    queued: 'En file pour Yokoy.',
    already: 'Déjà dans Yokoy.',
    needsSetup: 'Configurez d’abord Yokoy Companion (ouvrez-le depuis la barre d’outils).',
    progress: 'Export vers Yokoy : {done} sur {total}',
    failed: 'Mise en file impossible : {problem}',
    finished: 'Export vers Yokoy terminé : {done} sur {total}',
  },
  nl: {
    send: 'Naar Yokoy sturen',
    queued: 'In de wachtrij voor Yokoy.',
    already: 'Staat al in Yokoy.',
    needsSetup: 'Stel Yokoy Companion eerst in (open het via de werkbalk).',
    progress: 'Export naar Yokoy: {done} van {total}',
    failed: 'Kon niet in de wachtrij: {problem}',
    finished: 'Export naar Yokoy klaar: {done} van {total}',
  },
  de: {
    send: 'An Yokoy senden',
    queued: 'Für Yokoy eingereiht.',
    already: 'Bereits in Yokoy.',
    needsSetup: 'Richten Sie zuerst Yokoy Companion ein (in der Symbolleiste des Browsers öffnen).',
    progress: 'Yokoy-Export: {done} von {total}',
    failed: 'Einreihen nicht möglich: {problem}',
    finished: 'Yokoy-Export abgeschlossen: {done} von {total}',
  },
};

export type ExportMessage = keyof (typeof exportMessages)['en'];

export function exportText(lang: string | undefined, key: ExportMessage, params: Record<string, string | number> = {}): string {
  const language = pickLanguage(lang);
  // Counts in the page's language ("1 234" in fr, "1.234" in de); a missing parameter stays empty.
  return interpolate(language, exportMessages[language][key], params).replace(/\{\w+\}/g, '');
}
