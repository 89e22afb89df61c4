import type { AppKey } from './en';

export const pt: Record<AppKey, string> = {
  productName: 'Yokoy Companion para Banqup',
  version: 'Versão {version}',
  statusHeading: 'Ligação',
  statusLoading: 'A verificar a ligação…',
  statusNotSetUp: 'Ainda não configurado',
  statusUnverified: 'Guardado, ainda não verificado',
  statusVerified: 'Ligado ao Yokoy (organização {organizationId})',
  statusVerifiedEntity: 'Ligado ao Yokoy: {legalEntity}',
  statusFailing: 'A ligação falha: {reason}',
  statusUnavailable: 'A extensão não respondeu: {reason}',

  credentialsHeading: 'Credenciais do Yokoy',
  fieldClientId: 'ID de cliente',
  fieldClientSecret: 'Segredo do cliente',
  fieldOrganizationId: 'ID da organização',
  secretStored: 'Guardado encriptado. Escreva para o substituir.',
  secretReveal: 'Mantenha premido para mostrar o segredo',
  findOrganizationId: 'Encontrar o ID da minha organização',
  findOrganizationIdUnavailable: 'Defina primeiro o endereço do Yokoy nas Definições.',
  verify: 'Guardar e verificar',
  verifying: 'A verificar com o Yokoy…',
  verified: 'Verificado: o Yokoy aceitou estas credenciais.',
  legalEntityHeading: 'Entidade jurídica',
  legalEntityHint: 'A empresa no Yokoy que recebe as faturas.',
  legalEntityChosen: 'Entidade selecionada: {name}.',
  legalEntityNone: 'O Yokoy não devolveu nenhuma entidade jurídica para esta organização. Fale com o administrador do Yokoy.',
  settings: 'Definições',
  pendingAdopt: 'Usar as novas',
  pendingDiscard: 'Manter as atuais',

  fixLabelRemoved: 'Foi removido “{label}”, que veio com o texto colado.',
  fixQuotesRemoved: 'Foram removidas as aspas à volta do valor.',
  fixWhitespaceRemoved: 'Foram removidos espaços e quebras de linha à volta do valor.',
  checkEmpty: 'Obrigatório.',
  checkBadCharacter: '“{character}” (carácter {position}) não é válido em “{field}”. Copie novamente o valor do Yokoy.',
  checkBadCharacterSpace: 'Um espaço (carácter {position}) não é válido em “{field}”. Copie novamente o valor do Yokoy.',
  checkLooksLikeClientSecret:
    'Isto parece um segredo do cliente. Vai no campo “Segredo do cliente”; o ID de cliente é o outro valor na caixa de diálogo de credenciais do Yokoy.',
  checkLooksLikeOrganizationId:
    'Isto parece um ID de organização. Vai no campo “ID da organização”; o ID de cliente está na caixa de diálogo de credenciais do Yokoy.',
  checkLooksLikeClientId: 'Isto parece um ID de cliente. Vai no campo “ID de cliente”.',
  checkLooksLikeLegalEntityId:
    'Este é o ID de uma entidade jurídica, não o da organização. O ID da organização está no canto superior direito da página Programador do Yokoy.',
  checkUnusualFormat: 'Os IDs de organização do Yokoy têm normalmente 10 ou 20 letras e dígitos. Verifique se foi copiado por inteiro.',

  failureInvalidClient:
    'O Yokoy não aceitou este ID de cliente e segredo. Copie ambos novamente em Admin → Programador no Yokoy (no Perk: Ferramentas de programador → Ferramentas de despesas); se perdeu o segredo, gere lá novas credenciais.',
  failureOrganizationMismatch:
    'Estas credenciais não pertencem à organização “{organizationId}”. Copie o ID da organização do canto superior direito de Admin → Programador ou Admin → Organização no Yokoy (no Perk: Ferramentas de programador → Ferramentas de despesas).',
  failureMissingPermission:
    'O Yokoy recusou: falta uma permissão a estas credenciais. Peça ao administrador do Yokoy a função de programador e, depois, gere novamente as credenciais.',
  failureNotFound: 'O Yokoy não encontrou o que foi pedido. Verifique novamente a ligação.',
  failureValidation: 'O Yokoy recusou os dados: {detail}',
  failureConflict: 'O Yokoy comunicou um conflito: {detail}',
  failureRateLimited: 'O Yokoy está ocupado (demasiados pedidos). Tente novamente daqui a um minuto.',
  failureServer: 'O Yokoy está com problemas neste momento. Tente novamente mais tarde; nada foi alterado.',
  failureNetwork: 'Não foi possível contactar o Yokoy. Verifique a sua ligação à Internet e tente novamente.',
  failureMalformedAnswer: 'O Yokoy respondeu de uma forma que não conseguimos ler. Tente novamente mais tarde.',
  failureUnauthorized: 'O Yokoy recusou o token de acesso. Verifique novamente; se persistir, gere novas credenciais no Yokoy.',
  failureNotConfigured: 'Não está definido nenhum endereço do Yokoy. Abra as Definições e escolha o ambiente.',
  failureInvoiceGone: 'Enviada, mas o Yokoy já não tem a fatura (foi apagada lá), por isso não foi possível ligá-la a este documento.',
  failureLegalEntityGone:
    'A entidade jurídica escolhida para as exportações já não existe no Yokoy. Verifique de novo na janela da extensão e escolha outra; a exportação aguarda.',
  failureSaveRefused: 'Não guardado: {problem}',
  failureNoAnswer:
    'A extensão não respondeu ({detail}). Tente novamente; se voltar a acontecer, recarregue a extensão na página de extensões do navegador.',

  setUpInBanqup: 'Configurar no Banqup',
  tabConnection: 'Ligação',
  tabExport: 'Exportação',
  tabHistory: 'Histórico',
  importOpen: 'Importar ficheiros',
  // Issue 12: capture confirmation, address checks, the secret bound to its Yokoy.
  pendingTitle: 'Confirme as credenciais capturadas na página do Yokoy',
  pendingChangeOrganization: 'ID da organização: {from} → {to}',
  pendingChangeClientId: 'ID de cliente: {from} → {to}',
  pendingChangeSecret: 'Um novo segredo do cliente (não mostrado)',
  pendingNone: 'nenhum',
  pendingEntityKept: 'Entidade jurídica: {name} (sem alteração)',
  pendingEntityAgain: 'Entidade jurídica: escolhida de novo depois de o Yokoy verificar as novas credenciais (atual: {name})',
  pendingKeepsCurrent:
    'Até confirmar, o companion continua a usar as credenciais atuais. Confirme apenas se acabou de guardar estes valores na página do Yokoy.',
  reconcileOpen: 'Reconciliar com o Yokoy',
};
