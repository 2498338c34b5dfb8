// Tray and nativeImage as the double plays them: images read from real PNG files, a tray that remembers its menu
// and tooltip, and throws after destroy() as Electron does.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as Electron from 'electron';
import { onReset, record, type Conforms } from './electron-double-log.js';
import { Menu } from './electron-double-menu.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export class NativeImage {
  private template: boolean;

  constructor(
    /** The file it was read from; undefined for an empty image. */
    readonly path: string | undefined,
    private readonly size: { width: number; height: number },
    private readonly scaleFactors: number[],
  ) {
    // macOS marks "*Template.png" and "*Template@2x.png" as template images by name.
    this.template = path !== undefined && /Template(@\d+(\.\d+)?x)?\.[^.\\/]+$/.test(path);
  }

  /** As Electron: an empty image when the file is missing, unreadable or not an image; "@2x" siblings join it. */
  static createFromPath(file: string): NativeImage {
    record('nativeImage.createFromPath', file);
    const size = pngSize(file);
    if (!size) return NativeImage.createEmpty();
    const { dir, name, ext } = path.parse(file);
    const extra = [2, 3].filter((scale) => pngSize(path.join(dir, `${name}@${scale}x${ext}`)));
    return new NativeImage(file, size, [1, ...extra]);
  }

  static createEmpty(): NativeImage {
    return new NativeImage(undefined, { width: 0, height: 0 }, []);
  }

  isEmpty(): boolean {
    return this.path === undefined;
  }

  getSize(): { width: number; height: number } {
    return { ...this.size };
  }

  getScaleFactors(): number[] {
    return [...this.scaleFactors];
  }

  isTemplateImage(): boolean {
    return this.template;
  }

  setTemplateImage(option: boolean): void {
    this.template = option;
  }
}

function pngSize(file: string): { width: number; height: number } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const trays: Tray[] = [];
onReset(() => (trays.length = 0));

/** Every Tray created since the last reset, destroyed ones included. */
export function createdTrays(): readonly Tray[] {
  return trays;
}

export class Tray extends EventEmitter {
  image: NativeImage;
  contextMenu: Menu | null = null;
  toolTip = '';
  title = '';
  private destroyed = false;

  constructor(image: NativeImage | string) {
    super();
    this.image = typeof image === 'string' ? NativeImage.createFromPath(image) : image;
    record('new Tray', this.image.path);
    trays.push(this);
  }

  // Typed as Electron's; like Electron, anything but a menu this module built is refused.
  setContextMenu(menu: Electron.Menu | null): void {
    if (menu !== null && !(menu instanceof Menu)) throw new TypeError('Error processing argument at index 0');
    this.alive('setContextMenu', menu);
    this.contextMenu = menu;
  }

  setToolTip(toolTip: string): void {
    this.alive('setToolTip', toolTip);
    this.toolTip = toolTip;
  }

  setTitle(title: string): void {
    this.alive('setTitle', title);
    this.title = title;
  }

  setImage(image: Electron.NativeImage | string): void {
    if (typeof image !== 'string' && !(image instanceof NativeImage))
      throw new TypeError('Error processing argument at index 0');
    this.alive('setImage', typeof image === 'string' ? image : image.path);
    this.image = typeof image === 'string' ? NativeImage.createFromPath(image) : image;
  }

  popUpContextMenu(menu?: Menu): void {
    this.alive('popUpContextMenu', menu);
  }

  destroy(): void {
    record('tray.destroy');
    this.destroyed = true;
    this.removeAllListeners();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  private alive(method: string, ...args: unknown[]): void {
    // Electron's message for any call on a destroyed native object.
    if (this.destroyed) throw new TypeError('Object has been destroyed');
    record(`tray.${method}`, ...args);
  }
}

// The members the shell uses, checked against Electron's own declarations.
/** @public A compile-time check against Electron's declarations: nothing imports it. */
export type NativeImageChecked = Conforms<
  NativeImage,
  Pick<
    Electron.NativeImage,
    'isEmpty' | 'getSize' | 'getScaleFactors' | 'isTemplateImage' | 'setTemplateImage'
  >
>;
/** @public A compile-time check against Electron's declarations: nothing imports it. */
export type TrayChecked = Conforms<
  Tray,
  Pick<Electron.Tray, 'setToolTip' | 'setTitle' | 'destroy' | 'isDestroyed' | 'setContextMenu' | 'setImage'>
>;
