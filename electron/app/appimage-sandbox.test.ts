// The AppImage started without the sandbox (its AppRun added --no-sandbox) says so in one line; nothing else does.
import { describe, expect, it } from 'vitest';
import { APPIMAGE_WITHOUT_SANDBOX, appImageSandboxNotice } from './appimage-sandbox.js';

describe('the AppImage without a sandbox', () => {
  it('says in one line why, and that the .deb keeps the sandbox', () => {
    const argv = ['/tmp/.mount_SSO/sso-tray', '--no-sandbox'];
    expect(appImageSandboxNotice({ APPIMAGE: '/home/me/SSO-Tray.AppImage' }, argv)).toBe(
      APPIMAGE_WITHOUT_SANDBOX,
    );
    expect(APPIMAGE_WITHOUT_SANDBOX).not.toContain('\n');
    expect(APPIMAGE_WITHOUT_SANDBOX).toMatch(/install the \.deb package/);
  });

  it('says nothing for a sandboxed AppImage, or a run without an AppImage (npm start as root)', () => {
    expect(appImageSandboxNotice({ APPIMAGE: '/home/me/SSO-Tray.AppImage' }, ['sso-tray'])).toBeUndefined();
    expect(appImageSandboxNotice({}, ['electron', '.', '--no-sandbox'])).toBeUndefined();
  });
});
