/**
 * Yokoy content script: present on Yokoy's web app so the organization-ID and one-time-secret
 * capture (issue 4) can live here. It mounts nothing yet.
 */
export default defineContentScript({
  matches: ['https://*.yokoy.ai/*', 'https://*.yokoy.io/*'],
  runAt: 'document_idle',
  main() {
    // Capture offers arrive with the connection issue.
  },
});
