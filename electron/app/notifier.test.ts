// Notifications stay clickable while they may be clicked, and the app lets them go when 'close' never comes (a
// notification timed out into the Action Center or a daemon's history): the set it holds stays bounded.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notification } from 'electron';
import { createdNotifications, resetDouble } from '../../e2e/support/electron-double.js';
import { createNotifier, MAX_KEPT_NOTIFICATIONS, NOTIFICATION_KEPT_MS } from './notifier.js';

beforeEach(() => resetDouble());
afterEach(() => vi.useRealTimers());

describe('the notifications the app holds', () => {
  it('stay bounded when close never comes: the newest are kept, older ones let go', () => {
    const { notify, showing } = createNotifier(Notification);
    for (let i = 0; i < 50; i++) notify(`Copied ${i}`);
    expect(showing()).toBe(MAX_KEPT_NOTIFICATIONS);
    expect(createdNotifications()).toHaveLength(50); // the test still holds them; the app holds only the newest
  });

  it('are let go after a while, and at once on close, a click or a failure', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { notify, showing } = createNotifier(Notification);
    notify('Kept a while');
    notify('Closed');
    notify('Failed');
    const [, closed, failed] = createdNotifications();
    closed!.close();
    failed!.emit('failed', {}, 'The notification server is not running.');
    expect(showing()).toBe(1);
    vi.advanceTimersByTime(NOTIFICATION_KEPT_MS - 1);
    expect(showing()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(showing()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keep their click while held: the newest one’s click still reaches the app', () => {
    const clicks: string[] = [];
    const { notify } = createNotifier(Notification);
    for (let i = 0; i < 20; i++) notify(`Message ${i}`, () => clicks.push(`clicked ${i}`));
    createdNotifications().at(-1)!.emit('click', {});
    expect(clicks).toEqual(['clicked 19']);
  });
});
