/**
 * The assistant on Yokoy's pages (lib/yokoy-page), in English: the source of its keys. Apart from
 * the app's catalogue so the Yokoy content script carries these few sentences only.
 */
export const en = {
  productName: 'Yokoy Companion for Banqup',
  yokoyUseThisId: 'Use this ID in Yokoy Companion',
  yokoyIdSaved: 'Organization ID saved in Yokoy Companion.',
  yokoySaveCredentials: 'Save to Yokoy Companion',
  yokoySaveCredentialsHint: 'Yokoy shows this secret only once. Yokoy Companion can keep it encrypted in this browser.',
  yokoyCredentialsSaved: 'Saved and verified in Yokoy Companion.',
  yokoyCredentialsSavedUnverified: 'Saved in Yokoy Companion. Open the extension to finish the check.',
  yokoyCaptureRefused: 'Yokoy Companion could not save this: {problem}',
  yokoyNoDeveloperRole:
    'You need Yokoy’s Developer role to create API credentials. Ask a Yokoy administrator of your organization{admins} to give you the Developer role (Admin → Users), then come back to this page.',
  yokoyDismiss: 'Dismiss',
  yokoyCapturePending: 'Waiting for your confirmation: open Yokoy Companion from the toolbar to check and confirm.',
  perkNoAccountAdmin:
    'In Perk, only account admins can generate API credentials. Ask an account admin of your organization{admins} to generate them for you or to make you an account admin, then come back to this page.',
};

export type AssistantKey = keyof typeof en;
