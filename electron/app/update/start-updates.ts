// Auto-update in the running app: on for a packaged build with a feed (resources/app-update.yml, or
// SSO_TRAY_UPDATE_URL), off with a sentence saying why otherwise; that sentence and what the install needs are what the
// settings screen shows.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as Electron from 'electron';
import type { UpdateView } from '../../ipc/contract.js';
import { AutoUpdate, type UpdateOffer } from './auto-update.js';
import { feedFromEnv } from './update-feed.js';
import { installKind, platformUpdater, type InstallKind } from './platform-updater.js';

export interface UpdatesDeps {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** process.resourcesPath: undefined outside Electron's packaged app. */
  resourcesPath: string | undefined;
  whenWritesSettled(): Promise<void>;
  onChange(): void;
  log?(line: string): void;
}

export interface Updates {
  /** The version waiting for "Restart to update", and what the settings screen says, one sentence a note. */
  status(): UpdateView;
  offered(): UpdateOffer | undefined;
  restart(): Promise<void>;
  stop(): void;
}

/** The packaged package.json says whether the build was signed (build/electron-builder.config.mjs, extraMetadata). */
function signedBuild(app: Electron.App): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path.join(app.getAppPath(), 'package.json'), 'utf8')) as {
      ssoTraySigned?: boolean;
    };
    return manifest.ssoTraySigned === true;
  } catch {
    return false;
  }
}

/** What this kind of install means for updates (https://www.electron.build/auto-update). */
function installNotes(kind: InstallKind, signed: boolean): string[] {
  if (kind === 'mac' && !signed)
    return [
      'This build is not signed: macOS installs updates only into a signed app, so download new versions yourself.',
    ];
  if (kind === 'nsis' && !signed)
    return [
      'This build is not signed: updates are checked against the sha512 their release states, not a publisher signature.',
    ];
  if (kind === 'deb' || kind === 'rpm' || kind === 'pacman')
    return [
      `Installed from the .${kind} package: each update is installed with your package manager and asks for an administrator password.`,
    ];
  return [];
}

export function startUpdates(app: Electron.App, deps: UpdatesDeps): Updates {
  const off = (note: string): Updates => ({
    status: () => ({ notes: [note] }),
    offered: () => undefined,
    restart: async () => undefined,
    stop: () => undefined,
  });
  if (!app.isPackaged || !deps.resourcesPath)
    return off('Updates: this is a development run; an installed SSO Tray updates itself.');
  const place = { platform: deps.platform, resourcesPath: deps.resourcesPath };
  const notes = installNotes(installKind(place), signedBuild(app));
  const override = feedFromEnv(deps.env);
  if (override && 'refusal' in override) return off(override.refusal);
  if (!override && !existsSync(path.join(deps.resourcesPath, 'app-update.yml')))
    return off('This build has no update feed: install new versions from where you got this one.');
  const log = deps.log ?? ((line: string) => console.warn(line));
  const auto = new AutoUpdate({
    updater: platformUpdater(place),
    ...(override ? { feed: override } : {}),
    log,
    whenWritesSettled: deps.whenWritesSettled,
    onChange: deps.onChange,
  });
  auto.start();
  return {
    status: () => ({ ...(auto.offered() ? { offered: auto.offered()!.version } : {}), notes }),
    offered: () => auto.offered(),
    restart: () => auto.restart(),
    stop: () => auto.stop(),
  };
}
