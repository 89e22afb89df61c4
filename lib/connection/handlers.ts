/** The connection's message handlers: the protocol's requests mapped onto the service. */
import type { Handlers } from '../messaging/router';
import type { ConnectionService } from './service';

type ConnectionHandlers = Omit<Handlers, 'status'>;

export function connectionHandlers(service: ConnectionService): ConnectionHandlers {
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
  };
}
