// The feed electron-builder packs for the updater (build/electron-builder.config.mjs): SSO_TRAY_UPDATE_URL, else the
// GitHub repository the build runs for, else none; a feed that is not https (or http to this machine) stops the build.
import { describe, expect, it } from 'vitest';
import { updateFeed } from '../build/electron-builder.config.mjs';

describe('the packed update feed', () => {
  it('is the generic server given, else the GitHub releases of the repository Actions builds for, else none', () => {
    expect(
      updateFeed({ SSO_TRAY_UPDATE_URL: 'https://updates.example.com/sso-tray/', GITHUB_REPOSITORY: 'a/b' }),
    ).toEqual([{ provider: 'generic', url: 'https://updates.example.com/sso-tray/' }]);
    expect(updateFeed({ GITHUB_REPOSITORY: 'acme/sso-tray' })).toEqual([
      { provider: 'github', owner: 'acme', repo: 'sso-tray', releaseType: 'release' },
    ]);
    expect(updateFeed({})).toBeNull();
  });

  it('stops the build on a plain-http server elsewhere than this machine', () => {
    expect(updateFeed({ SSO_TRAY_UPDATE_URL: 'http://127.0.0.1:8080/' })).toEqual([
      { provider: 'generic', url: 'http://127.0.0.1:8080/' },
    ]);
    expect(() => updateFeed({ SSO_TRAY_UPDATE_URL: 'http://updates.example.com/' })).toThrow(
      'SSO_TRAY_UPDATE_URL must be an https:// address (or http:// to this machine), not http://updates.example.com/.',
    );
  });
});
