// What the app's pages load from and what they may ask for, through the recorded double: sso-tray://app/ (not
// file://) serving only the built window, with its CSP; every permission check refused; no IPC channel that answers
// a page without a sender check.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { callsTo, ipcMain, requestFromPage, schemePrivileges } from '../../e2e/support/electron-double.js';
import {
  mainWindows,
  pageUrl,
  quickPickWindow,
  start,
  useHarness,
} from '../../e2e/support/electron-double-harness.js';
import { CONTENT_SECURITY_POLICY } from './app-scheme.js';

const h = useHarness();

describe('the pages’ own scheme', () => {
  it('loads both windows from sso-tray://app/, a standard secure scheme, never from file://', async () => {
    await start(h);
    expect(schemePrivileges('sso-tray')).toEqual({ standard: true, secure: true });
    expect(callsTo('window.loadURL')).toEqual([[pageUrl], [`${pageUrl}?view=quick-pick`]]);
    expect(callsTo('window.loadFile')).toEqual([]);
  });

  it('serves the built page and its assets with the page’s CSP as a header, the one its meta tag states', async () => {
    await start(h);
    const page = await requestFromPage(pageUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await page.text();
    expect(html).toBe(await readFile(new URL('../../dist/renderer/index.html', import.meta.url), 'utf8'));
    expect(html).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await requestFromPage(`sso-tray://app/${script}`);
    expect([asset.status, asset.headers.get('content-type')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
    ]);
  });

  it('refuses every way out of the built window’s folder, and other hosts', async () => {
    await start(h);
    for (const url of [
      'sso-tray://app/..%2f..%2fpackage.json',
      'sso-tray://app/assets/..%2f..%2f..%2fpackage.json',
      'sso-tray://app/..%5c..%5cpackage.json',
      'sso-tray://app/%2e%2e%2f%2e%2e%2fpackage.json',
      'sso-tray://other/index.html',
    ]) {
      const answer = await requestFromPage(url);
      expect([url, answer.status]).toEqual([url, 403]);
    }
    // A plain "../" is folded away by URL parsing before the app sees it: it names a file inside, which is missing.
    const folded = await requestFromPage('sso-tray://app/../../package.json');
    expect(folded.status).toBe(404);
    expect(await folded.text()).toBe('');
  });
});

describe('permissions', () => {
  it('answers every check no, in both windows (a check is granted when no handler is set)', async () => {
    await start(h);
    for (const window of [...mainWindows(), quickPickWindow()!]) {
      for (const permission of [
        'clipboard-read',
        'clipboard-sanitized-write',
        'notifications',
        'media',
        'geolocation',
      ])
        expect([permission, window.webContents.checkPermission(permission)]).toEqual([permission, false]);
      expect(await window.webContents.requestPermission('media')).toBe(false);
    }
  });
});

describe('IPC', () => {
  it('has no listener that answers a page without a sender check (electron-store’s own among them)', async () => {
    await start(h);
    const evil = { url: 'https://evil.example/' };
    expect(ipcMain.sendSyncFromRenderer('electron-store-get-data', evil)).toBeUndefined();
    expect(ipcMain.eventNames()).toEqual([]); // only ipcMain.handle channels, each checked (register-ipc.ts)
  });
});
