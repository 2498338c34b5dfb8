// System notifications that stay clickable: Electron holds a shown Notification only weakly, so one the app drops
// can be garbage-collected and its click lost (electron/electron#12690, #16922). Each is kept until it is done, but
// not for ever: 'close' does not always come (a notification that times out into Windows' Action Center or a Linux
// daemon's history emits none, https://www.electronjs.org/docs/latest/api/notification#event-close), so the set is
// bounded: the newest few, each for at most a while.
import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';

export interface NotificationClass {
  new (options?: NotificationConstructorOptions): ElectronNotification;
  isSupported(): boolean;
}

/** At most this many notifications are kept clickable; a newer one lets the oldest go. */
export const MAX_KEPT_NOTIFICATIONS = 10;
/** After this long a notification is let go whatever happened to it (its click, if any, then does nothing). */
export const NOTIFICATION_KEPT_MS = 60 * 60_000;

export function createNotifier(Notification: NotificationClass) {
  const showing = new Map<ElectronNotification, NodeJS.Timeout>();
  const drop = (notification: ElectronNotification) => {
    clearTimeout(showing.get(notification));
    showing.delete(notification);
  };
  const notify = (message: string, onClick?: () => void): void => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: 'SSO Tray', body: message, silent: true });
    const done = () => drop(notification);
    if (onClick) notification.on('click', onClick);
    notification.on('click', done);
    notification.on('close', done);
    notification.on('failed', done);
    // One timer per notification, due once; unref'd so it never keeps the app alive on its own.
    showing.set(notification, setTimeout(done, NOTIFICATION_KEPT_MS).unref());
    while (showing.size > MAX_KEPT_NOTIFICATIONS) drop(showing.keys().next().value as ElectronNotification);
    notification.show();
  };
  return { notify, showing: (): number => showing.size };
}
