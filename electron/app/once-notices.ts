// Notices the app gives once per user, ever (not once per start): remembered in notices.json in the app's folder.
import Conf from 'conf';

export interface OnceNotices {
  /** Calls `tell` unless the notice `id` was given before, then remembers it was. */
  once(id: string, tell: () => void): void;
}

export function onceNotices(dir: string): OnceNotices {
  const store = new Conf<{ told: string[] }>({
    cwd: dir,
    configName: 'notices',
    configFileMode: 0o600,
    clearInvalidConfig: true, // a damaged file only means a notice may be given again
    defaults: { told: [] },
    schema: { told: { type: 'array', items: { type: 'string' } } },
  });
  return {
    once(id, tell) {
      const told = store.get('told');
      if (told.includes(id)) return;
      tell();
      store.set('told', [...told, id]);
    },
  };
}
