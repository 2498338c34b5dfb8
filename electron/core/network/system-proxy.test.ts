// The system's proxy (a PAC result from Electron's session.resolveProxy) is used only where no variable decides.
import { describe, expect, it } from 'vitest';
import { chooseProxy, pacProxy } from './system-proxy.js';

describe('a PAC result', () => {
  it.each([
    ['DIRECT', undefined],
    ['PROXY proxy.corp:3128; DIRECT', 'http://proxy.corp:3128/'],
    ['HTTPS proxy.corp:8443', 'https://proxy.corp:8443/'],
    ['SOCKS5 socks.corp:1080; PROXY proxy.corp:3128', 'http://proxy.corp:3128/'],
    ['SOCKS5 socks.corp:1080', undefined],
  ])('%s: %s', (answer, expected) => {
    expect(pacProxy(answer)?.href).toBe(expected);
  });
});

describe('the proxy chosen for a URL', () => {
  const system = async () => 'PROXY system.corp:3128';
  const target = new URL('https://oidc.eu-west-1.amazonaws.com');
  const chosen = async (proxyEnv: Record<string, string>) => {
    const choice = await chooseProxy(target, { proxyEnv, systemProxy: system });
    return choice && `${choice.variable} ${choice.url.href} ${choice.credentialsIn}`;
  };

  it("is the system's when no variable decides, its credentials going in HTTPS_PROXY", async () => {
    expect(await chosen({})).toBe('the system proxy settings http://system.corp:3128/ HTTPS_PROXY');
    expect(await chosen({ HTTP_PROXY: 'http://other:1' })).toBe(
      'the system proxy settings http://system.corp:3128/ HTTPS_PROXY',
    );
  });

  it("is the variable's when one names a proxy for the scheme, or none when NO_PROXY names the host", async () => {
    expect(await chosen({ https_proxy: 'http://env:8080' })).toBe('https_proxy http://env:8080/ https_proxy');
    expect(await chosen({ NO_PROXY: '.amazonaws.com' })).toBeUndefined();
  });
});
