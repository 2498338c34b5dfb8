// Electron's entry: wiring only; everything it starts is in app/, tray/ and the core.
import path from 'node:path';
import * as electron from 'electron';
import { startApp } from './app/start-app.js';

const root = electron.app.getAppPath();
await startApp(electron, {
  // macOS tints a template image for its menu bar; other panels get the coloured icon.
  iconPath: path.join(
    root,
    'build',
    'icons',
    process.platform === 'darwin' ? 'tray-Template.png' : 'tray.png',
  ),
  preload: path.join(root, 'dist', 'electron', 'preload.cjs'),
  indexHtml: path.join(root, 'dist', 'renderer', 'index.html'),
  showWindow: process.argv.includes('--show-window'),
});
