// The built window runs under its Content-Security-Policy: no inline script or style, nothing loaded from outside.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { screen, startWindowBridge, type WindowBridge } from './support/window-bridge.js';

let bridge: WindowBridge | undefined;
test.afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

test.describe('the window under its CSP', () => {
  test('the built page has no inline script or style, and using every screen violates nothing', async ({
    page,
  }) => {
    bridge = await startWindowBridge({ acme: 'signed-in' });
    const html = await readFile(new URL('../dist/renderer/index.html', import.meta.url), 'utf8');
    expect(html).toContain(`http-equiv="Content-Security-Policy"`);
    expect(html).toContain("default-src 'none'; script-src 'self'; style-src 'self'");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle=/);

    const violations: string[] = [];
    page.on('console', (message) => {
      // Chromium says "Refused to …" for each violation.
      if (/Refused to/i.test(message.text())) violations.push(message.text());
    });
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1:')) outside.push(request.url());
    });
    await bridge.open(page);
    await page.getByRole('button', { name: /^Sandbox \d{12}/ }).click();
    await page.getByRole('button', { name: 'Access keys for AdministratorAccess in Sandbox' }).click();
    await expect(page.getByRole('dialog').getByLabel('Profile block', { exact: true })).toContainText('[');
    await page.getByRole('dialog').getByText('More').click();
    await page.keyboard.press('Escape');
    const sections = page.getByRole('navigation', { name: 'Sections' });
    await sections.getByRole('button', { name: 'Profiles' }).click();
    await sections.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

    await page.emulateMedia({ colorScheme: 'dark' });
    await sections.getByRole('button', { name: 'Accounts' }).click();
    await screen(page, 'accounts-dark');
    expect(violations).toEqual([]);
    expect(outside).toEqual([]);
  });
});
