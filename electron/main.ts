// Electron's entry: wiring only; everything it starts is in app/, tray/ and the core.
import path from 'node:path';
import * as electron from 'electron';
import { startApp } from './app/start-app.js';

await startApp(electron, {
  iconPath: path.join(electron.app.getAppPath(), 'build', 'icons', 'tray-Template.png'),
});
