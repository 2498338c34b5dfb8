// The proxy for a URL, decided as botocore decides it. Each expectation is what CPython's urllib.request (whose
// getproxies_environment and proxy_bypass_environment botocore calls) answered for the same environment and URL.
import { describe, expect, it } from 'vitest';
import { proxyFor, shownProxy } from './proxy-variables.js';
import { SsoTrayError } from '../errors.js';

const OIDC = 'https://oidc.us-east-1.amazonaws.com';
const chosen = (env: Record<string, string>, url: string) => {
  const choice = proxyFor(new URL(url), env);
  return choice && `${choice.variable} ${choice.url.href}`;
};

describe('which proxy a request goes through', () => {
  it.each([
    [{ HTTPS_PROXY: 'http://p:1' }, OIDC, 'HTTPS_PROXY http://p:1/'],
    [{ HTTPS_PROXY: 'http://p:1', NO_PROXY: 'amazonaws.com' }, OIDC, undefined],
    [{ HTTPS_PROXY: 'http://p:1', NO_PROXY: '.amazonaws.com' }, OIDC, undefined],
    [{ HTTPS_PROXY: 'http://p:1', NO_PROXY: '*' }, OIDC, undefined],
    [{ HTTPS_PROXY: 'http://p:1', NO_PROXY: 'zonaws.com' }, OIDC, 'HTTPS_PROXY http://p:1/'],
    [{ HTTPS_PROXY: 'http://p:1', NO_PROXY: '127.0.0.1:9000' }, 'https://127.0.0.1:9000', undefined],
    [
      { HTTPS_PROXY: 'http://p:1', NO_PROXY: '127.0.0.1:9001' },
      'https://127.0.0.1:9000',
      'HTTPS_PROXY http://p:1/',
    ],
    [{ HTTPS_PROXY: 'http://p:1', NO_PROXY: ' Example.COM , amazonaws.com' }, OIDC, undefined],
    [
      { HTTPS_PROXY: 'http://p:1', https_proxy: 'http://q:2' },
      'https://x.example',
      'https_proxy http://q:2/',
    ],
    [{ HTTPS_PROXY: 'http://p:1', https_proxy: '' }, 'https://x.example', undefined],
    [{ HTTP_PROXY: 'http://p:1' }, 'https://x.example', undefined],
    [{ HTTP_PROXY: 'http://p:1' }, 'http://127.0.0.1:8080', 'HTTP_PROXY http://p:1/'],
    [{ ALL_PROXY: 'http://p:1' }, 'https://x.example', undefined],
    [
      { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'x.example', no_proxy: 'other' },
      'https://x.example',
      'HTTPS_PROXY http://p:1/',
    ],
    [{ HTTPS_PROXY: 'http://p:1', NO_PROXY: '*.example' }, 'https://x.example', 'HTTPS_PROXY http://p:1/'],
  ])('%o for %s: %s', (env, url, expected) => {
    expect(chosen(env, url)).toBe(expected);
  });

  it('reads an address without a scheme as http, as botocore does', () => {
    expect(chosen({ HTTPS_PROXY: 'proxy.corp:3128' }, OIDC)).toBe('HTTPS_PROXY http://proxy.corp:3128/');
    expect(chosen({ HTTPS_PROXY: '//proxy.corp:3128' }, OIDC)).toBe('HTTPS_PROXY http://proxy.corp:3128/');
  });

  it('ignores HTTP_PROXY under CGI, where it can be a request header (httpoxy)', () => {
    expect(chosen({ HTTP_PROXY: 'http://p:1', REQUEST_METHOD: 'GET' }, 'http://127.0.0.1:1')).toBeUndefined();
  });

  it('refuses an address it cannot read without echoing it, since it may hold a password', () => {
    const refusal = (() => {
      try {
        proxyFor(new URL(OIDC), { HTTPS_PROXY: 'http://user:pa ss@[bad' });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(SsoTrayError);
    expect((refusal as Error).message).toBe(
      'HTTPS_PROXY does not hold a proxy address such as http://proxy.example.com:8080; fix or unset it.',
    );
  });

  it('names a proxy by scheme, host and port only', () => {
    expect(shownProxy(new URL('http://alice:s3cret@proxy.corp:3128/path'))).toBe('http://proxy.corp:3128');
  });
});
