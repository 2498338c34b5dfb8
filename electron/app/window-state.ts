// Where the window was: the one piece of app-only state (settings are shared with the command line in settings.json,
// tokens are in the AWS CLI's cache or safeStorage). Kept with conf, the store under electron-store, used directly:
// electron-store's Electron layer answers its own IPC channel ('electron-store-get-data') to any page, unchecked.
import Conf from 'conf';

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowStateStore {
  bounds(): Bounds | undefined;
  save(bounds: Bounds): void;
}

const number = { type: 'number' } as const;

/** The store in `dir` (the app's userData folder): window-state.json, as electron-store named it before. */
export function electronWindowState(dir: string): WindowStateStore {
  const store = new Conf<{ bounds?: Bounds }>({
    cwd: dir,
    configName: 'window-state',
    configFileMode: 0o600,
    clearInvalidConfig: true, // a damaged file only loses the window's position
    schema: {
      bounds: {
        type: 'object',
        properties: {
          x: number,
          y: number,
          width: { type: 'number', minimum: 320 },
          height: { type: 'number', minimum: 240 },
        },
        required: ['x', 'y', 'width', 'height'],
        additionalProperties: false,
      },
    },
  });
  return {
    bounds: () => store.get('bounds'),
    save: (bounds) => store.set('bounds', bounds),
  };
}
