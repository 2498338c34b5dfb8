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

export function appFiles(layout: AppLayout): { iconPath: string; preload: string; indexHtml: string } {
  const icons = layout.isPackaged
    ? path.join(layout.resourcesPath, 'icons')
    : path.join(layout.appPath, 'build', 'icons');
  return {
    // macOS tints a template image for its menu bar; other panels get the coloured icon.
    iconPath: path.join(icons, layout.platform === 'darwin' ? 'tray-Template.png' : 'tray.png'),
    preload: path.join(layout.appPath, 'dist', 'electron', 'preload.cjs'),
    indexHtml: path.join(layout.appPath, 'dist', 'renderer', 'index.html'),
  };
}
