// Electron's Menu and MenuItem as the double builds them: the same template checks, separator folding and click
// arguments as lib/browser/api/menu.ts and menu-item.ts, plus helpers that find an item by what a user reads.
import type * as Electron from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { onReset, record, type Conforms } from './electron-double-log.js';
import { onWillFinishLaunching } from './electron-double-app.js';

/** The template electron.d.ts declares for Menu.buildFromTemplate: the double takes exactly that. */
type Template = Parameters<typeof Electron.Menu.buildFromTemplate>[0];
const TYPES = ['normal', 'separator', 'submenu', 'checkbox', 'radio', 'header', 'palette'];

/** A built item: the template's fields with Electron's defaults filled in. */
export class MenuItem {
  readonly type: NonNullable<MenuItemConstructorOptions['type']>;
  readonly label: string;
  readonly sublabel: string;
  readonly toolTip: string;
  readonly enabled: boolean;
  readonly visible: boolean;
  readonly checked: boolean;
  readonly id: string | undefined;
  readonly role: string | undefined;
  readonly submenu: Menu | undefined;
  private readonly onClick: MenuItemConstructorOptions['click'];

  constructor(options: MenuItemConstructorOptions) {
    const { submenu } = options;
    // A Menu given as the submenu must be one the double built, as Electron's must be its own.
    if (submenu !== undefined && !Array.isArray(submenu) && !(submenu instanceof Menu))
      throw new TypeError('Invalid submenu');
    this.submenu =
      submenu === undefined || submenu instanceof Menu ? submenu : Menu.buildFromTemplate(submenu);
    this.type = options.type ?? (this.submenu ? 'submenu' : 'normal');
    if (this.type === 'submenu' && !this.submenu) throw new Error('Invalid submenu');
    if (!TYPES.includes(this.type)) throw new Error(`Unknown menu item type: ${this.type}`);
    this.label = options.label ?? '';
    this.sublabel = options.sublabel ?? '';
    this.toolTip = options.toolTip ?? '';
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.checked = options.checked ?? false;
    this.id = options.id;
    this.role = options.role?.toLowerCase();
    this.onClick = options.click;
  }

  /** What Electron runs when the user picks the item: the template's click(menuItem, focusedWindow, event). */
  click(): void {
    const event = {
      shiftKey: false,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      triggeredByAccelerator: false,
    };
    this.onClick?.(this as never, undefined, event);
  }
}

export class Menu {
  readonly items: MenuItem[] = [];

  private constructor(readonly template: Template) {}

  /** As Electron: the same TypeErrors for a bad template, adjacent and edge separators folded away. */
  static buildFromTemplate(template: Template): Menu {
    if (!Array.isArray(template))
      throw new TypeError('Invalid template for Menu: Menu template must be an array');
    const valid = template.every(
      (item: unknown) =>
        item instanceof MenuItem ||
        (typeof item === 'object' &&
          item !== null &&
          (Object.hasOwn(item, 'label') ||
            Object.hasOwn(item, 'role') ||
            (item as { type?: unknown }).type === 'separator')),
    );
    if (!valid)
      throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    // Electron sorts by id/before/after; nothing in this app positions items that way, so the double refuses it.
    if (template.some((item) => isEntry(item) && (item.before || item.after || item.beforeGroupContaining)))
      throw new Error('The electron double does not model before/after positioning of menu items.');
    const menu = new Menu(template);
    for (const item of foldSeparators(template))
      menu.items.push(item instanceof MenuItem ? item : new MenuItem(entry(item)));
    return menu;
  }

  static setApplicationMenu(menu: Menu | null): void {
    record('Menu.setApplicationMenu', menu);
    applicationMenu = menu;
    applicationMenuSet = true;
  }

  static getApplicationMenu(): Menu | null {
    return applicationMenu;
  }
}

/** A menu item as a user reads it, in electron.d.ts's own types: Electron's MenuItem and the double's both are one. */
export type MenuItemView = Pick<
  Electron.MenuItem,
  'type' | 'label' | 'sublabel' | 'toolTip' | 'enabled' | 'visible' | 'checked' | 'click'
> & { readonly submenu?: MenuView | undefined };

/** A menu as a user reads it: what Menu.buildFromTemplate returns, from Electron or from the double, with no cast. */
export interface MenuView {
  readonly items: readonly MenuItemView[];
}

/** @public Compile-time checks against Electron's declarations (nothing imports them): each fails if one drifts. */
export type MenuItemChecked = Conforms<MenuItem, MenuItemView>;
/** @public Electron's own Menu is read through the same view (a renamed `items` or item field fails here). */
export type ElectronMenuChecked = Conforms<Electron.Menu, MenuView>;
/** @public The double's statics take Electron's arguments and give what the view reads. */
export type MenuStaticsChecked = Conforms<
  Pick<typeof Menu, 'buildFromTemplate' | 'getApplicationMenu'>,
  {
    buildFromTemplate(template: Parameters<typeof Electron.Menu.buildFromTemplate>[0]): MenuView;
    getApplicationMenu(): MenuView | null;
  }
>;

let applicationMenu: Menu | null = null;
let applicationMenuSet = false;
onReset(() => {
  applicationMenu = null;
  applicationMenuSet = false;
});

// Electron gives an app that set no menu its default one just before 'ready': File, Edit, View (with "Toggle
// Developer Tools"), Window, Help; Windows and Linux show it as the window's menu bar
// (https://github.com/electron/electron/blob/main/lib/browser/default-menu.ts).
onWillFinishLaunching(() => {
  if (applicationMenuSet) return;
  applicationMenu = Menu.buildFromTemplate([
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const, label: 'Electron' }] : []),
    { role: 'fileMenu', label: 'File' },
    { role: 'editMenu', label: 'Edit' },
    {
      role: 'viewMenu',
      label: 'View',
      submenu: [
        { role: 'reload', label: 'Reload' },
        { role: 'toggleDevTools', label: 'Toggle Developer Tools' },
      ],
    },
    { role: 'windowMenu', label: 'Window' },
    { role: 'help', label: 'Help' },
  ]);
});

/** A template entry rather than a built item (electron's MenuItem is the double's here, so `instanceof` tells them apart). */
function isEntry(item: Template[number]): item is MenuItemConstructorOptions {
  return !(item instanceof MenuItem);
}

function entry(item: Template[number]): MenuItemConstructorOptions {
  if (isEntry(item)) return item;
  throw new TypeError('Invalid template for MenuItem: an item this module did not build');
}

function foldSeparators(items: Template): Template {
  const isSeparator = (item: Template[number] | undefined) =>
    item?.type === 'separator' && item.visible !== false;
  const folded = items.filter((item, index) => !isSeparator(item) || !isSeparator(items[index - 1]));
  return folded.filter((item, index) => !isSeparator(item) || (index !== 0 && index !== folded.length - 1));
}

/** The text a user reads: '&&' shows as '&', a single '&' marks a mnemonic and is not shown. */
export function displayedLabel(label: string): string {
  return label.replace(/&(&?)/g, '$1');
}

/** The visible items of a menu level as a user reads them, a separator as '---'. */
export function menuLabels(menu: MenuView, ...path: string[]): string[] {
  const level = path.length ? submenuOf(findItem(menu, ...path), path) : menu;
  return level.items
    .filter((item) => item.visible)
    .map((item) => (item.type === 'separator' ? '---' : displayedLabel(item.label)));
}

/** The item at a path of displayed labels; throws naming the labels there when one is missing. */
export function findItem(menu: MenuView, ...path: string[]): MenuItemView {
  let level = menu;
  let found: MenuItemView | undefined;
  path.forEach((label, depth) => {
    if (depth > 0) level = submenuOf(found as MenuItemView, path.slice(0, depth));
    const visible = level.items.filter((item) => item.visible && item.type !== 'separator');
    found = visible.find((item) => displayedLabel(item.label) === label);
    if (!found)
      throw new Error(
        `No menu item "${label}" under ${JSON.stringify(path.slice(0, depth))}; there are: ${JSON.stringify(visible.map((i) => displayedLabel(i.label)))}`,
      );
  });
  if (!found) throw new Error('Name at least one label.');
  return found;
}

/** Picks the item at a path of displayed labels, as a user would: only through enabled items, only a leaf. */
export function click(menu: MenuView, ...path: string[]): void {
  for (let depth = 1; depth <= path.length; depth++) {
    const item = findItem(menu, ...path.slice(0, depth));
    if (!item.enabled) throw new Error(`The menu item "${path.slice(0, depth).join(' > ')}" is disabled.`);
  }
  const item = findItem(menu, ...path);
  if (item.submenu) throw new Error(`"${path.join(' > ')}" opens a submenu; name an item in it.`);
  record('menu.click', path);
  // Electron declares click as a bare Function; the double's runs the template's click(menuItem, window, event).
  (item.click as () => void)();
}

function submenuOf(item: MenuItemView, path: string[]): MenuView {
  if (!item.submenu) throw new Error(`"${path.join(' > ')}" has no submenu.`);
  return item.submenu;
}
