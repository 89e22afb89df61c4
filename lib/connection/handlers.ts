/** The connection's message handlers: the protocol's requests mapped onto the service. */
import type { Handlers } from '../messaging/router';
import { credentialsItem } from '../settings/items';
import { fillValue, guideContext } from './guide';
import { openExportView, openGuide } from './open-pages';
import { SECRET, type ConnectionService } from './service';

type ConnectionHandlers = Pick<
  Handlers,
  Exclude<keyof Handlers, 'status' | `export.${string}` | `import.${string}`>
>;

export function connectionHandlers(service: ConnectionService, vault: { get(name: string): Promise<string | undefined> }): ConnectionHandlers {
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
    'open.yokoyDeveloperPage': () => service.openDeveloperPage(),
    'guide.context': async () => guideContext(await credentialsItem.getValue()),
    'guide.open': () => openGuide(),
    'fill.value': async ({ field }) => fillValue(field, await credentialsItem.getValue(), () => vault.get(SECRET)),
    'open.exportView': () => openExportView(),
  };
}
