/**
 * The launcher's two strings per language. Apart from the guide's catalogues (lib/i18n/guide),
 * which load with the guide only when it opens.
 */
import type { Language } from '../../i18n';

export const launcherText: Record<Language, { label: string; text: string }> = {
  en: { label: 'Open the Yokoy setup guide', text: 'Yokoy' },
  pt: { label: 'Abrir o guia de configuração do Yokoy', text: 'Yokoy' },
  fr: { label: 'Ouvrir le guide de configuration Yokoy', text: 'Yokoy' },
  nl: { label: 'De Yokoy-installatiegids openen', text: 'Yokoy' },
  de: { label: 'Die Yokoy-Einrichtungsanleitung öffnen', text: 'Yokoy' },
};
