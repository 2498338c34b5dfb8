// The settings screen's word on updates: what this install means for them, and "Restart to update" once one waits.
import { expect, test } from '@playwright/test';
import { screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

const DEB =
  'Installed from the .deb package: each update is installed with your package manager and asks for an administrator password.';

test('the settings screen offers Restart to update and says what the install means for updates', async ({
  page,
}) => {
  const restarts: string[] = [];
  bridge = await startWindowBridge({
    capabilities: {
      updates: {
        status: () => ({ offered: '1.4.0', notes: [DEB] }),
        restart: async () => void restarts.push('restart'),
      },
    },
  });
  await bridge.open(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  const updates = page.getByRole('group', { name: 'Updates' });
  await expect(updates.getByText(DEB)).toBeVisible();
  await updates.scrollIntoViewIfNeeded();
  await screen(page, 'settings-update-waiting');
  await updates.getByRole('button', { name: 'Restart to update (1.4.0)' }).click();
  await expect.poll(() => restarts).toEqual(['restart']);
});

test('an update downloaded while the window is open is offered the next time Settings is shown', async ({
  page,
}) => {
  const download: { offered?: string } = {};
  bridge = await startWindowBridge({
    capabilities: {
      updates: {
        status: () => ({ ...download, notes: [] }),
        restart: async () => undefined,
      },
    },
  });
  await bridge.open(page);
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('form', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Updates' })).toHaveCount(0);
  download.offered = '1.4.1'; // electron-updater finished the download
  await sections.getByRole('button', { name: 'Accounts' }).click();
  await sections.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('button', { name: 'Restart to update (1.4.1)' })).toBeVisible();
});

test('nothing about updates where there is nothing to say', async ({ page }) => {
  bridge = await startWindowBridge({});
  await bridge.open(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('form', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Updates' })).toHaveCount(0);
});
