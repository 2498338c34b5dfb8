// Electron's entry: wiring only; everything it starts is in app/, tray/ and the core.
import * as electron from 'electron';
import { appFiles } from './app/app-files.js';
import { startApp } from './app/start-app.js';
import { QUICK_PICK_ARG } from './app/quick-pick-command.js';

const files = appFiles({
  isPackaged: electron.app.isPackaged,
  appPath: electron.app.getAppPath(),
  resourcesPath: process.resourcesPath,
  platform: process.platform,
});
// Not awaited: Electron emits 'ready' only once this ES module has finished evaluating, so a top-level await on
// startApp (which waits for 'ready') would never end (electron/electron#40719).
startApp(electron, {
  ...files,
  showWindow: process.argv.includes('--show-window'),
  quickPick: process.argv.includes(QUICK_PICK_ARG),
}).catch((error: unknown) => {
  console.error(`SSO Tray could not start: ${error instanceof Error ? error.message : String(error)}`);
  electron.app.exit(1);
});
