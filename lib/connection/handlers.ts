/** The connection's message handlers: the protocol's requests mapped onto the service. */
import type { Handlers } from '../messaging/router';
import { credentialsItem } from '../settings/items';
import { fillValue, guideContext } from './guide-context';
import { openExportView, openGuide } from '../tabs/open-pages';
import { SECRET, type ConnectionService } from './service';
import { createTabLimit, type TabLimit } from '../tabs/tab-limit';

type ConnectionHandlers = Pick<
  Handlers,
  Exclude<keyof Handlers, 'status' | `export.${string}` | `import.${string}` | `reconcile.${string}`>
>;

/** A sender that is a tab's content script (not one of the extension's own pages). */
const fromContent = (sender: { url?: string; tab?: unknown }, extensionOrigin: string) => !sender.url?.startsWith(extensionOrigin);

export function connectionHandlers(
  service: ConnectionService,
  vault: { get(name: string): Promise<string | undefined> },
  env: { extensionOrigin: string; tabLimit?: TabLimit } = { extensionOrigin: 'chrome-extension://' },
): ConnectionHandlers {
  const tabLimit = env.tabLimit ?? createTabLimit(() => Date.now());
  const mayOpen = (sender: { url?: string; tab?: { active?: boolean } }) =>
    !fromContent(sender, env.extensionOrigin) || tabLimit.allow(sender);
  return {
    'credentials.get': () => service.view(),
    'credentials.save': ({ clientId, clientSecret, organizationId }) => service.save({ clientId, clientSecret, organizationId }),
    'credentials.reveal': () => service.reveal(),
    'credentials.verify': () => service.verify(),
    'credentials.forget': () => service.forget(),
    'credentials.adoptPending': ({ adopt }) => service.adoptPending(adopt),
    'legalEntity.choose': ({ legalEntityId }) => service.chooseLegalEntity(legalEntityId),
    'settings.get': () => service.getSettings(),
    'settings.save': ({ settings }) => service.saveSettings(settings),
    'capture.offer': ({ clientId, clientSecret, organizationId }) => service.capture({ clientId, clientSecret, organizationId }),
    'open.yokoyDeveloperPage': async (_, sender) => (mayOpen(sender) ? service.openDeveloperPage() : { opened: false }),
    'guide.context': async () => guideContext(await credentialsItem.getValue()),
    'guide.open': () => openGuide(),
    'fill.value': async ({ field }) => fillValue(field, await credentialsItem.getValue(), () => vault.get(SECRET)),
    'open.exportView': async (_, sender) => (mayOpen(sender) ? openExportView() : { opened: false }),
  };
}
