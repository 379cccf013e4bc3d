import type { TeamPackRepository } from '../../storage/remote/index.ts';
import type { TabChannel, TabMessage } from '../state/index.ts';
import type { ServerEvents } from './serverEvents.ts';

/**
 * The editor hears other tabs' saves through a TabChannel; in a team it also hears the server's:
 * every pack change the server announces becomes a `saved` message, so that another user's save
 * reloads a clean editor or raises the conflict banner over unsaved edits, exactly as another
 * tab's does. The server's echo of this browser's own saves is left out.
 */
export function teamChannel(
  tabs: TabChannel,
  events: ServerEvents,
  packs: Pick<TeamPackRepository, 'settled' | 'isOwnRevision'>,
): TabChannel {
  return {
    post: (message) => tabs.post(message),
    subscribe(listener) {
      const fromTabs = tabs.subscribe(listener);
      const fromServer = events.onPack((event) => {
        void (async () => {
          // The echo may come before the save's answer: wait for it to know.
          await packs.settled(event.id);
          if (packs.isOwnRevision(event.id, event.revision)) return;
          const message: TabMessage = {
            type: 'saved',
            key: event.id,
            revision: event.revision,
            from: `server:${event.by ?? ''}`,
          };
          listener(message);
        })();
      });
      return () => {
        fromTabs();
        fromServer();
      };
    },
    close: () => tabs.close(),
  };
}
