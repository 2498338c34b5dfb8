import { existsSync } from 'node:fs';

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

/** The most the packaged app.asar may weigh: compiled main, preload, renderer and production dependencies. */
export const ASAR_BUDGET_BYTES = 8 * 1024 * 1024; // 6.7 MiB with electron-builder 26 and the dependencies of November 2026

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
    'dist/shared/**/*.js', // the rules the core shares with the window (shared/identifier-rules.ts)
    'dist/renderer/**',
    '!**/*.map',
    // Production dependencies ship their own sources and tests: none of it runs.
    '!**/node_modules/**/{test,tests,__tests__}/**',
    '!**/node_modules/**/*.{ts,mts,cts,md}',
  ],
  // The buildResources folder is not packed: the tray icons go beside app.asar (main: electron/app/app-files.ts).
  extraResources: [{ from: 'build/icons', to: 'icons', filter: ['tray*.png'] }],
  asar: true,
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
  },
  publish: null,
};

export default config;
