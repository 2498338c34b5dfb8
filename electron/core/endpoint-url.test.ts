// One rule for every endpoint override and every address handed to a browser (endpoint-url.ts), per endpoint kind.
import { describe, expect, it } from 'vitest';
import { systemClock } from './clock.js';
import { consoleSignInUrl } from './console/console-sign-in.js';
import {
  checkEndpointUrl,
  configuredEndpoint,
  isLoopbackHost,
  isOpenableUrl,
  isWebAddress,
} from './endpoint-url.js';
import { endpointsFromEnv } from './environment.js';
import { oidcClient, portalClient } from './identity-center/clients.js';
import { checkSignInPage } from './identity-center/sign-in-page-address.js';
import type { SessionConfig } from './shapes/aws-shapes.js';

const CLEAR_TEXT =
  'plain http to another machine, which would send tokens and credentials unencrypted; use https:// (http:// is only for 127.0.0.1, ::1 or localhost); fix or unset it.';

describe('checkEndpointUrl: https anywhere, plain http only to this machine', () => {
  it.each([
    'https://portal.sso.eu-west-1.amazonaws.com',
    'https://proxy.example.com:8443/sso',
    'http://127.0.0.1:4566',
    'http://127.8.9.10/',
    'http://localhost:1234/x',
    'http://LOCALHOST',
    'http://[::1]:9000',
    'http://[0:0:0:0:0:0:0:1]/',
    'http://127.1:80', // the URL parser's short form of 127.0.0.1
  ])('takes %s', (value) =>
    expect(checkEndpointUrl(value, 'AWS_ENDPOINT_URL').href).toBe(new URL(value).href),
  );

  it.each([
    ['http://example.invalid', 'http://example.invalid'],
    ['http://10.0.0.5:4566/', 'http://10.0.0.5:4566'],
    ['http://127.0.0.1.nip.io/', 'http://127.0.0.1.nip.io'],
    ['http://localhost.example.com', 'http://localhost.example.com'],
    ['http://[::ffff:10.0.0.1]/', 'http://[::ffff:a00:1]'],
    ['http://0.0.0.0:80', 'http://0.0.0.0'],
  ])('refuses %s in one sentence naming the variable', (value, shown) =>
    expect(() => checkEndpointUrl(value, 'AWS_ENDPOINT_URL_SSO')).toThrow(
      `AWS_ENDPOINT_URL_SSO is ${shown}, ${CLEAR_TEXT}`,
    ),
  );

  it('refuses other schemes, a user name or password, and what is not a URL, without echoing secrets or controls', () => {
    expect(() => checkEndpointUrl('ftp://host/', 'AWS_ENDPOINT_URL')).toThrow(
      'AWS_ENDPOINT_URL is ftp://host, not an https:// address; fix or unset it.',
    );
    expect(() => checkEndpointUrl('https://me:hunter2@host/', 'AWS_ENDPOINT_URL')).toThrow(
      'AWS_ENDPOINT_URL is https://host, an address with a user name or password in it, which would be sent in clear; fix or unset it.',
    );
    expect(() => checkEndpointUrl('not a url\n\u001b[2J', 'AWS_ENDPOINT_URL_SIGNIN')).toThrow(
      'AWS_ENDPOINT_URL_SIGNIN is "not a url\\n\\x1b[2J", not an https:// address; fix or unset it.',
    );
  });

  it('knows loopback hosts as the URL parser writes them', () => {
    expect(['127.0.0.1', '127.255.0.3', 'localhost', '[::1]'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['128.0.0.1', '127.0.0.1.example', '::1', 'localhost.'].map(isLoopbackHost)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('each endpoint kind is checked before anything is sent', () => {
  const endpoints = endpointsFromEnv({
    AWS_ENDPOINT_URL: 'http://example.invalid',
    AWS_ENDPOINT_URL_SSO_OIDC: 'http://oidc.example.invalid',
  });
  const deps = { endpoints, clock: systemClock };

  it('names the variable that set each one', () =>
    expect(endpoints.sources).toEqual({
      oidc: 'AWS_ENDPOINT_URL_SSO_OIDC',
      portal: 'AWS_ENDPOINT_URL',
      signin: 'AWS_ENDPOINT_URL',
    }));

  it('SSO OIDC (sign-in, refresh, registration) and the SSO portal (listing, role credentials)', async () => {
    await expect(oidcClient('us-east-1', deps)).rejects.toThrow(
      `AWS_ENDPOINT_URL_SSO_OIDC is http://oidc.example.invalid, ${CLEAR_TEXT}`,
    );
    await expect(portalClient('us-east-1', deps)).rejects.toThrow(
      `AWS_ENDPOINT_URL is http://example.invalid, ${CLEAR_TEXT}`,
    );
  });

  it('the console sign-in endpoint: the role credentials never reach fetch', async () => {
    const sent: string[] = [];
    const fetchSpy = (async (input: URL | Request | string) => {
      sent.push(String(input));
      return new Response('{"SigninToken":"x"}');
    }) as typeof fetch;
    const credentials = { accessKeyId: 'ASIA1', secretAccessKey: 'secret', sessionToken: 'token' };
    await expect(
      consoleSignInUrl(credentials, {
        region: 'us-east-1',
        endpoint: 'http://example.invalid',
        fetch: fetchSpy,
      }),
    ).rejects.toThrow(`AWS_ENDPOINT_URL_SIGNIN is http://example.invalid, ${CLEAR_TEXT}`);
    expect(sent).toEqual([]);
  });

  it('an endpoint given in options (no variable) is named by its kind', () =>
    expect(() => configuredEndpoint({ portal: 'http://example.invalid' }, 'portal')).toThrow(
      `The SSO portal endpoint is http://example.invalid, ${CLEAR_TEXT}`,
    ));
});

describe('addresses handed to a browser', () => {
  const session: SessionConfig = {
    name: 'acme',
    startUrl: 'https://d-1234567890.awsapps.com/start',
    region: 'eu-west-1',
    source: 'sso-session',
  };

  it("opens Identity Center's own sign-in pages and exactly the configured endpoint", () => {
    for (const page of [
      'https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH',
      'https://d-1234567890.awsapps.com/start/#/device?user_code=ABCD-EFGH',
      'https://oidc.eu-west-1.amazonaws.com/authorize?client_id=x',
    ])
      expect(checkSignInPage(page, session, {})).toBe(page);
    expect(
      checkSignInPage('http://127.0.0.1:4100/device?c=1', session, { oidc: 'http://127.0.0.1:4100' }),
    ).toBe('http://127.0.0.1:4100/device?c=1');
  });

  it.each([
    'https://evil.example.com/?user_code=ABCD-EFGH',
    'https://my-bucket.s3.amazonaws.com/device.html', // amazonaws.com hosts anyone's bucket: not a sign-in host
    'http://device.sso.eu-west-1.amazonaws.com/',
    'https://device.sso.us-east-1.amazonaws.com/', // another region than the session's
    'https://device.sso.eu-west-1.amazonaws.com:444/',
    'https://user:pw@d-1234567890.awsapps.com/start',
    'http://127.0.0.1:4101/device', // not the configured endpoint's port
    'file:///etc/passwd',
    'javascript:alert(1)',
  ])('refuses %s in one sentence', (page) =>
    expect(() => checkSignInPage(page, session, { oidc: 'http://127.0.0.1:4100' })).toThrow(
      /^The sign-in service for acme \(eu-west-1\) sent a sign-in page on .*, which is not Identity Center's, so it was not opened; check AWS_ENDPOINT_URL_SSO_OIDC and the session's region, then sign in again\.$/,
    ),
  );

  it('never takes a plain-http endpoint off this machine as an allowed origin', () =>
    expect(
      isOpenableUrl('http://example.invalid/x', { domains: [], endpoints: ['http://example.invalid'] }),
    ).toBe(false));

  it('the openers take web addresses only', () =>
    expect(
      ['https://a.example/', 'http://127.0.0.1:9/', 'http://example.com/', '-a', 'file:///x', 'C:\\x'].map(
        isWebAddress,
      ),
    ).toEqual([true, true, false, false, false, false]));
});
