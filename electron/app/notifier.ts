// System notifications that stay clickable: Electron holds a shown Notification only weakly, so one the app drops
// can be garbage-collected and its click lost (electron/electron#12690, #16922). Each is kept until it is done.
import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';

export interface NotificationClass {
  new (options?: NotificationConstructorOptions): ElectronNotification;
  isSupported(): boolean;
}

export function createNotifier(Notification: NotificationClass) {
  const showing = new Set<ElectronNotification>();
  const notify = (message: string, onClick?: () => void): void => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: 'SSO Tray', body: message, silent: true });
    const done = () => showing.delete(notification);
    if (onClick) notification.on('click', onClick);
    notification.on('click', done);
    notification.on('close', done);
    notification.on('failed', done);
    showing.add(notification);
    notification.show();
  };
  return { notify, showing: (): number => showing.size };
}
