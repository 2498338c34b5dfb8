// The update server given with SSO_TRAY_UPDATE_URL: https, or http to this machine only; anything else is refused with
// the sentence saying what to set.
import { describe, expect, it } from 'vitest';
import { feedFromEnv } from './update-feed.js';

describe('SSO_TRAY_UPDATE_URL', () => {
  it('is a generic feed when it is https, or http to loopback', () => {
    for (const url of [
      'https://updates.example.com/sso-tray/',
      'http://127.0.0.1:8080/',
      'http://localhost:9/',
      'http://[::1]:9/',
    ])
      expect(feedFromEnv({ SSO_TRAY_UPDATE_URL: url })).toEqual({ provider: 'generic', url });
    expect(feedFromEnv({})).toBeUndefined();
  });

  it('is refused, in one sentence naming what to set, when it is plain http elsewhere, holds a password, or is no URL', () => {
    expect(feedFromEnv({ SSO_TRAY_UPDATE_URL: 'http://updates.example.com/' })).toEqual({
      refusal:
        'SSO_TRAY_UPDATE_URL is http://updates.example.com, plain http to another machine, which would send tokens and credentials unencrypted; use https:// (http:// is only for 127.0.0.1, ::1 or localhost); fix or unset it.',
    });
    expect(feedFromEnv({ SSO_TRAY_UPDATE_URL: 'http://127.0.0.1.evil.example/' })).toMatchObject({
      refusal: expect.stringContaining('plain http to another machine') as unknown,
    });
    expect(feedFromEnv({ SSO_TRAY_UPDATE_URL: 'https://me:secret@updates.example.com/' })).toEqual({
      refusal:
        'SSO_TRAY_UPDATE_URL is https://updates.example.com, an address with a user name or password in it, which would be sent in clear; fix or unset it.',
    });
    expect(feedFromEnv({ SSO_TRAY_UPDATE_URL: 'updates' })).toMatchObject({
      refusal: 'SSO_TRAY_UPDATE_URL is "updates", not an https:// address; fix or unset it.',
    });
  });
});
