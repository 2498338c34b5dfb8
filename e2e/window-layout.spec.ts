// The window at the smallest size (640x480), at 200% zoom (a 1040x760 window shows 520x380 CSS pixels) and at 760 px
// wide: a role row's name, star and links each get their own box, none over another; no name is broken across lines
// (a 32-character permission set is legal) in the accounts, the favourites, "Recently used" or the Profiles table; the
// account list keeps a usable height and scrolls with the wheel, also under the ended-session banner. Screenshots
// are kept with the results.
import { expect, test, type Page } from '@playwright/test';
import { demoOrganisation } from './identity-center/emulator.js';
import { roleRowProblems, scrollAreaHeight, wordsBrokenAcrossLines } from './support/layout-checks.js';
import { ACME, screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

/** 32 characters, the longest permission set name AWS allows, with nowhere to wrap. */
const LONG_ROLE = 'AWSAdministratorAccessProduction';

function organisation() {
  const org = demoOrganisation();
  org.accounts
    .find((a) => a.accountName === 'Sandbox')!
    .roles.push(LONG_ROLE, 'Data-Platform-Engineers-ReadOnly');
  return org;
}

const SIZES = [
  ['640x480', { width: 640, height: 480 }, 1],
  ['200% zoom', { width: 520, height: 380 }, 2],
] as const;
const shot = (what: string, size: string) => `layout-${what}-${size.replace(/\W+/g, '-')}`;

/** The window with a favourite and a recent role of LONG_ROLE's account, and a profile written for it. */
async function openWindow(page: Page) {
  bridge = await startWindowBridge({ acme: 'signed-in', emulator: { organisation: organisation() } });
  const sandbox = bridge.emu.organisation.accounts.find((a) => a.accountName === 'Sandbox')!;
  const role = { session: ACME, accountId: sandbox.accountId, roleName: LONG_ROLE };
  await bridge.call('favourites:toggle', role);
  await bridge.call('favourites:region', { ...role, region: 'eu-central-1' });
  await bridge.call('credentials:text', {
    ...role,
    roleName: 'Data-Platform-Engineers-ReadOnly',
    format: 'env',
  });
  await bridge.call('profiles:write', { ...role, keepFresh: true });
  await bridge.open(page);
}

async function expectRowsLaidOut(page: Page, rows: string) {
  await expect(page.locator(rows).first()).toBeVisible();
  const problems: string[] = [];
  for (const row of await page.locator(rows).all()) problems.push(...(await roleRowProblems(row)));
  expect(problems).toEqual([]);
}

for (const [name, size, scale] of SIZES) {
  test(`at ${name}: role rows side by side or wrapped, never over each other, no name broken mid-word`, async ({
    browser,
  }) => {
    const page = await browser.newPage({ deviceScaleFactor: scale });
    await openWindow(page);
    await page.setViewportSize(size);
    await page.getByRole('button', { name: /^Sandbox \d{12}/ }).click();
    await expectRowsLaidOut(page, '.account.open .role');
    await expectRowsLaidOut(page, '.top-list .role');
    expect(await wordsBrokenAcrossLines(page, '.content')).toEqual([]);
    await screen(page, shot('favourites', name));
    await page.locator('.account.open .role').last().scrollIntoViewIfNeeded();
    await screen(page, shot('roles', name));

    await page.getByRole('button', { name: 'Profiles' }).click();
    await expect(page.getByRole('rowheader')).toHaveCount(1);
    expect(await wordsBrokenAcrossLines(page, '.content')).toEqual([]);
    await screen(page, shot('profiles', name));
    await page.close();
  });

  test(`at ${name}: the account list keeps a few rows' height and scrolls with the wheel under the ended-session banner`, async ({
    browser,
  }) => {
    const page = await browser.newPage({ deviceScaleFactor: scale });
    bridge = await startWindowBridge({ acme: 'signed-in' });
    await bridge.open(page);
    await page.setViewportSize(size);
    const list = page.getByRole('list', { name: /^All accounts/ });
    const rows = list.locator('.account');
    await expect(rows.first()).toBeVisible();
    const row = (await rows.first().boundingBox())!.height;
    expect(await scrollAreaHeight(list)).toBeGreaterThanOrEqual(3 * row);

    bridge.emu.revokeSessions();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('has ended');
    expect(await scrollAreaHeight(list)).toBeGreaterThanOrEqual(3 * row);
    await screen(page, shot('ended', name));
    // The wheel over the middle of the window brings the last account to where the mouse can click it.
    const last = rows.last();
    await page.mouse.move(size.width / 2, size.height / 2);
    for (let turn = 0; turn < 60 && !(await underMouseReach(page, last)); turn += 1)
      await page.mouse.wheel(0, 120);
    await expect.poll(() => underMouseReach(page, last)).toBe(true);
    await screen(page, shot('ended-scrolled', name));
    await page.close();
  });
}

test('at 760 px wide: "Recently used" and the favourites keep their names whole; so does the Profiles table', async ({
  page,
}) => {
  await openWindow(page);
  await page.setViewportSize({ width: 760, height: 600 });
  await expect(page.getByRole('region', { name: 'Recently used' })).toBeVisible();
  await expectRowsLaidOut(page, '.top-list .role');
  expect(await wordsBrokenAcrossLines(page, '.content')).toEqual([]);
  await screen(page, 'layout-recent-760');
  for (const size of [
    { width: 760, height: 600 },
    { width: 1040, height: 760 },
  ]) {
    await page.setViewportSize(size);
    await page.getByRole('button', { name: 'Profiles' }).click();
    await expect(page.getByRole('rowheader')).toHaveCount(1);
    expect(await wordsBrokenAcrossLines(page, '.content')).toEqual([]);
    await screen(page, `layout-profiles-${size.width}`);
  }
});

/** The element's middle is on screen and the element (not something over it) is what a click there would hit. */
function underMouseReach(page: Page, element: ReturnType<Page['locator']>): Promise<boolean> {
  return element.evaluate((e) => {
    const doc = e.ownerDocument;
    const box = e.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + Math.min(box.height / 2, 20);
    const { clientWidth, clientHeight } = doc.documentElement;
    if (y < 0 || y > clientHeight || x < 0 || x > clientWidth) return false;
    const hit = doc.elementFromPoint(x, y);
    return hit !== null && e.contains(hit);
  });
}
