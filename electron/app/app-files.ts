// Where the files main loads at run time are, in the unpacked checkout and in the packaged app: the tray icons are
// copied beside app.asar by electron-builder's extraResources (build/electron-builder.config.mjs), the rest is in it.
import path from 'node:path';

export interface AppLayout {
  isPackaged: boolean;
  /** app.getAppPath(): the checkout, or …/resources/app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath: …/resources when packaged. */
  resourcesPath: string;
  platform: NodeJS.Platform;
}

// macOS tints a template image (a name ending in "Template", its @2x beside it) for its menu bar; Windows wants an ICO
// (https://www.electronjs.org/docs/latest/api/native-image#template-image-macos, #supported-formats); Linux a PNG.
const TRAY_ICON: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'tray-Template.png',
  win32: 'tray.ico',
};

export function appFiles(layout: AppLayout): { iconPath: string; preload: string; indexHtml: string } {
  const icons = layout.isPackaged
    ? path.join(layout.resourcesPath, 'icons')
    : path.join(layout.appPath, 'build', 'icons');
  return {
    iconPath: path.join(icons, TRAY_ICON[layout.platform] ?? 'tray.png'),
    preload: path.join(layout.appPath, 'dist', 'electron', 'preload.cjs'),
    indexHtml: path.join(layout.appPath, 'dist', 'renderer', 'index.html'),
  };
}
