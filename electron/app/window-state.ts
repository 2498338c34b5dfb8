// Where the window was: the one piece of app-only state, kept with electron-store (settings and secrets are not here:
// settings are shared with the command line in settings.json, tokens are in the AWS CLI's cache or safeStorage).
import Store from 'electron-store';

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

export function electronWindowState(): WindowStateStore {
  const store = new Store<{ bounds?: Bounds }>({
    name: 'window-state',
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
