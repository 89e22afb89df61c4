/** English strings; the source of the message keys every other language must provide. */
export const en = {
  productName: 'Yokoy Companion for Banqup',
  version: 'Version {version}',
  statusHeading: 'Connection',
  statusLoading: 'Checking the connection…',
  statusNotSetUp: 'Not set up yet',
  statusVerified: 'Connected to Yokoy (organization {organizationId})',
  statusFailing: 'Connection failing: {reason}',
  statusUnavailable: 'The extension could not answer: {reason}',
  launcherLabel: 'Open the Yokoy setup guide',
  launcherText: 'Yokoy',
  menuSendToYokoy: 'Send to Yokoy',
};
export type MessageKey = keyof typeof en;
