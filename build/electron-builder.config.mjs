import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

// electron-builder's configuration (https://www.electron.build/configuration): `npm run dist` builds for this OS,
// `npm run dist -- --dir` an unpacked app. e2e/packaging.slow.test.ts builds --dir and inspects the result.

/** Electron fuses flipped in the packaged binary (https://www.electronjs.org/docs/latest/tutorial/fuses). */
export const fuses = {
  runAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn the signed app into a plain Node
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS cannot inject code
  enableNodeCliInspectArguments: false, // no --inspect debugger into a credentials tool
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false, // the pages load from sso-tray:// (electron/app/app-scheme.ts), not file://
};

/**
 * The packaged package.json's desktopName: Electron takes the Wayland app_id from it (it must name the .desktop entry),
 * and GNOME binds global shortcuts only for an app it can match to one (https://www.electron.build/linux).
 */
export const DESKTOP_NAME = 'sso-tray.desktop';

/** The most the packaged app.asar may weigh: compiled main, preload, renderer and production dependencies. */
export const ASAR_BUDGET_BYTES = 9 * 1024 * 1024; // 7.9 MiB with electron-updater (6.7 MiB before it), electron-builder 26

/**
 * Where the packaged app looks for updates (electron-builder writes it to resources/app-update.yml): SSO_TRAY_UPDATE_URL
 * (a generic server: https, or http to loopback for a test), else the GitHub repository the build runs for (Actions set
 * GITHUB_REPOSITORY; release.yml publishes there), else none, and the app's settings say it has no update feed.
 * @param {NodeJS.ProcessEnv} env
 * @returns {import('electron-builder').PublishConfiguration[] | null}
 */
export function updateFeed(env) {
  const url = env.SSO_TRAY_UPDATE_URL?.trim();
  if (url) {
    const { protocol, hostname } = new URL(url);
    const loopback = hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname);
    if (protocol !== 'https:' && !(protocol === 'http:' && loopback))
      throw new Error(
        `SSO_TRAY_UPDATE_URL must be an https:// address (or http:// to this machine), not ${url}.`,
      );
    return [{ provider: 'generic', url }];
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  // A published release, not a draft: electron-updater reads only published ones.
  return owner && repo ? [{ provider: 'github', owner, repo, releaseType: 'release' }] : null;
}

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'dev.ssotray.app',
  productName: 'SSO Tray',
  executableName: 'sso-tray',
  directories: { buildResources: 'build', output: 'release' },
  // Only what runs: the compiled main process and what it shares with the window (no CLI, no maps), the preload
  // bundle and the built window.
  files: [
    'package.json',
    'dist/electron/**/*.js',
    'dist/electron/preload.cjs',
    '!dist/electron/cli.js',
    '!dist/electron/cli/**',
    '!dist/electron/quick/**',
    'dist/shared/**/*.js', // the rules the core shares with the window (shared/identifier-rules.ts)
    'dist/renderer/**',
    '!**/*.map',
    // Production dependencies ship their own sources and tests: none of it runs.
    '!**/node_modules/**/{test,tests,__tests__}/**',
    '!**/node_modules/**/*.{ts,mts,cts,md}',
  ],
  // The buildResources folder is not packed: the tray icons go beside app.asar (main: electron/app/app-files.ts).
  extraResources: [{ from: 'build/icons', to: 'icons', filter: ['tray*.png', 'tray.ico'] }],
  asar: true,
  // ssoTraySigned: whether signing credentials were given (the settings screen says what an unsigned build cannot update).
  extraMetadata: {
    desktopName: DESKTOP_NAME,
    ssoTraySigned: Boolean(process.env.CSC_LINK || process.env.CSC_NAME || process.env.WIN_CSC_LINK),
  },
  // The binary `npm install` fetched, when it could: electron-builder then downloads nothing more.
  ...(existsSync('node_modules/electron/dist') ? { electronDist: 'node_modules/electron/dist' } : {}),
  electronFuses: fuses,
  // 1024x1024, drawn by scripts/make-tray-icons.mjs from the tray glyph's source; electron-builder makes .icns/.ico.
  icon: 'build/icons/icon.png',
  mac: {
    target: ['dmg', 'zip'],
    category: 'public.app-category.developer-tools',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // A menu-bar app: no Dock icon, and its window can come to the front from the tray.
    extendInfo: { LSUIElement: true },
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    maintainer: 'SSO Tray contributors',
    synopsis: 'Sign in to AWS IAM Identity Center once; copy or write short-term credentials in one click.',
    // The .desktop file is named after desktopName, so it, StartupWMClass and Electron's app_id agree.
    syncDesktopName: true,
  },
  // No --no-sandbox in the AppImage's menu entry (electron-builder's default): its AppRun adds the flag only where
  // `unshare -Ur true` fails (user namespaces restricted, as on Ubuntu 24.04: electron/electron#42510), and the app then
  // says once that the .deb keeps the sandbox (electron/app/appimage-sandbox.ts); elsewhere the sandbox stays on.
  appImage: { executableArgs: [] },
  publish: updateFeed(process.env),
};

export default config;
