/** The assistant on Yokoy's pages in Portuguese (Portugal), key for key with en.ts. */
import type { AssistantKey } from './en';

export const pt: Record<AssistantKey, string> = {
  productName: 'Yokoy Companion para Banqup',
  yokoyUseThisId: 'Usar este ID no Yokoy Companion',
  yokoyIdSaved: 'ID da organização guardado no Yokoy Companion.',
  yokoySaveCredentials: 'Guardar no Yokoy Companion',
  yokoySaveCredentialsHint: 'O Yokoy mostra este segredo apenas uma vez. O Yokoy Companion pode guardá-lo encriptado neste navegador.',
  yokoyCredentialsSaved: 'Guardadas e verificadas no Yokoy Companion.',
  yokoyCredentialsSavedUnverified: 'Guardadas no Yokoy Companion. Abra a extensão para concluir a verificação.',
  yokoyCaptureRefused: 'O Yokoy Companion não conseguiu guardar isto: {problem}',
  yokoyNoDeveloperRole:
    'Precisa da função de programador do Yokoy para criar credenciais de API. Peça a um administrador do Yokoy da sua organização{admins} que lhe atribua a função de programador (Admin → Utilizadores) e, depois, volte a esta página.',
  yokoyDismiss: 'Fechar',
  yokoyCapturePending: 'A aguardar a sua confirmação: abra o Yokoy Companion na barra de ferramentas para verificar e confirmar.',
  perkNoAccountAdmin:
    'No Perk, só os administradores da conta podem gerar credenciais de API. Peça a um administrador da conta da sua organização{admins} que as gere por si ou que o torne administrador da conta e, depois, volte a esta página.',
};
