// Where the endpoint listens is where its URL points: a bracketed IPv6 address as a URL writes it, and localhost on a
// machine whose resolver names ::1 first (Node listens on the first address: https://nodejs.org/api/net.html#serverlistenoptions-callback).
import dns from 'node:dns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { askEndpoint } from '../../e2e/support/endpoint-client.js';
import { startCredentialEndpoint, type RunningEndpoint } from './credential-endpoint.js';

const CREDENTIALS = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'secret',
  sessionToken: 'token',
  expiration: new Date(Date.UTC(2030, 0, 1)).toISOString(),
};

let running: RunningEndpoint | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await running?.close();
  running = undefined;
});

const start = async (listen: string) =>
  (running = await startCredentialEndpoint({
    fetch: () => Promise.resolve(CREDENTIALS),
    accountId: '111122223333',
    tokenFrom: 'the test gave',
    listen,
  }));

describe('the address the endpoint listens on', () => {
  it('[::1], written as in a URL, listens on ::1 and answers there', async () => {
    const endpoint = await start('[::1]');
    expect(endpoint.url).toMatch(/^http:\/\/\[::1\]:\d+\/role-credentials$/);
    const answer = await askEndpoint(endpoint.url, { authorization: endpoint.token });
    expect([answer.status, answer.body.AccessKeyId]).toEqual([200, 'ASIAEXAMPLE']);
  });

  it('localhost listens on 127.0.0.1, the address its URL names, even where localhost resolves to ::1 first', async () => {
    // A resolver with ::1 listed first for localhost (as an /etc/hosts with both gives it); Node asks with all: true.
    const lookup = dns.lookup;
    vi.spyOn(dns, 'lookup').mockImplementation(((host: string, ...rest: unknown[]) => {
      const callback = rest.at(-1) as (error: null, addresses: dns.LookupAddress[]) => void;
      if (host !== 'localhost') return (lookup as (...args: unknown[]) => void)(host, ...rest);
      callback(null, [
        { address: '::1', family: 6 },
        { address: '127.0.0.1', family: 4 },
      ]);
    }) as typeof dns.lookup);
    const endpoint = await start('localhost');
    expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/role-credentials$/);
    const answer = await askEndpoint(endpoint.url, { authorization: endpoint.token });
    expect([answer.status, answer.body.AccessKeyId]).toEqual([200, 'ASIAEXAMPLE']);
  });
});
