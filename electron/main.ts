// Electron's entry: wiring only; everything it starts is in app/, tray/ and the core.
import path from 'node:path';
import * as electron from 'electron';
import { startApp } from './app/start-app.js';

const root = electron.app.getAppPath();
await startApp(electron, {
  iconPath: path.join(root, 'build', 'icons', 'tray-Template.png'),
  preload: path.join(root, 'dist', 'electron', 'preload.cjs'),
  indexHtml: path.join(root, 'dist', 'renderer', 'index.html'),
  showWindow: process.argv.includes('--show-window'),
});
