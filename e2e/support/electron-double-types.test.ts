// The double's Menu is held to electron.d.ts at compile time (tsc -b checks this file): a test builds menus with
// Electron's own types and reads them with the double's helpers, with no cast between the two.
import type * as Electron from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Conforms } from './electron-double-log.js';
import { Menu, MenuItem, menuLabels, type MenuItemView, type MenuView } from './electron-double.js';

describe("the double's Menu, typed against electron.d.ts", () => {
  it("takes buildFromTemplate's arguments as Electron declares them and gives a menu the helpers read", () => {
    expectTypeOf(Menu.buildFromTemplate)
      .parameter(0)
      .toEqualTypeOf<Parameters<typeof Electron.Menu.buildFromTemplate>[0]>();
    expectTypeOf<Electron.Menu>().toExtend<MenuView>();
    expectTypeOf<Electron.MenuItem>().toExtend<MenuItemView>();
    expectTypeOf<Menu>().toExtend<MenuView>();
    expectTypeOf<MenuItem>().toExtend<MenuItemView>();
    // Built from Electron's template type and read by the helpers as it is: no cast in between.
    const template: Electron.MenuItemConstructorOptions[] = [
      { label: 'Entry' },
      { type: 'separator' },
      { label: 'More', submenu: [{ label: 'Inside' }] },
    ];
    const menu: MenuView = Menu.buildFromTemplate(template);
    expect([menuLabels(menu), menuLabels(menu, 'More')]).toEqual([['Entry', '---', 'More'], ['Inside']]);
  });

  it('fails to compile when the double drifts from Electron', () => {
    // @ts-expect-error an item without `visible`, which Electron's MenuItem has, is not a MenuItemView
    type WithoutVisible = Conforms<Omit<MenuItemView, 'visible'>, MenuItemView>;
    // @ts-expect-error a `checked` of another type than electron.d.ts's boolean
    type CheckedAsText = Conforms<Omit<MenuItem, 'checked'> & { checked: string }, MenuItemView>;
    expectTypeOf<WithoutVisible | CheckedAsText>().not.toBeNever();
  });
});
