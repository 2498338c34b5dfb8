// The role row at the smallest window (640x480) and at 200% zoom (a 1040x760 window shows 520x380 CSS pixels): the
// permission set's name, its star and its links each get their own box, none over another, the name never squeezed
// to nothing. Screenshots are kept with the results.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

async function boxesOf(row: Locator): Promise<Array<[string, Box]>> {
  const parts: Array<[string, Locator]> = [
    ['name', row.locator('.role-name')],
    ['star', row.locator('.star')],
    ...(await row.locator('button.link').all()).map((l, i): [string, Locator] => [`link ${i + 1}`, l]),
  ];
  const boxes: Array<[string, Box]> = [];
  for (const [name, part] of parts) {
    const box = await part.boundingBox();
    if (box) boxes.push([name, box]);
  }
  return boxes;
}

async function expectRowsLaidOut(page: Page) {
  const rows = page.locator('.account.open .role');
  await expect(rows.first()).toBeVisible();
  const problems: string[] = [];
  for (const row of await rows.all()) {
    const boxes = await boxesOf(row);
    const label = (await row.locator('.role-name').textContent()) ?? '';
    for (const [name, box] of boxes)
      if (box.width < 8) problems.push(`${label}: ${name} is ${box.width}px wide`);
    for (let i = 0; i < boxes.length; i += 1)
      for (let j = i + 1; j < boxes.length; j += 1)
        if (overlap(boxes[i]![1], boxes[j]![1]))
          problems.push(`${label}: ${boxes[i]![0]} overlaps ${boxes[j]![0]}`);
  }
  expect(problems).toEqual([]);
}

for (const [name, size, scale] of [
  ['640x480', { width: 640, height: 480 }, 1],
  ['200% zoom', { width: 520, height: 380 }, 2],
] as const) {
  test(`role rows at ${name}: name, star and links side by side or wrapped, never over each other`, async ({
    browser,
  }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    const page = await browser.newPage({ deviceScaleFactor: scale });
    await bridge.open(page);
    await page.setViewportSize(size);
    const sandbox = page.getByRole('button', { name: /^Sandbox \d{12}/ });
    await sandbox.click();
    await expectRowsLaidOut(page);
    await page.locator('.account.open .role').last().scrollIntoViewIfNeeded();
    await screen(page, `layout-${name.replace(/\W+/g, '-')}`);
    await page.close();
  });
}
