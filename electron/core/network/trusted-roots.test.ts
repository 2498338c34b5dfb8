// The roots a request trusts: Node's own unchanged unless AWS_CA_BUNDLE or the app's system store adds some.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificates } from '../../../e2e/support/test-certificates.js';
import { trustContext, trustedRoots } from './trusted-roots.js';

let folder: string;
let bundle: string;
let root: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-roots-'));
  bundle = path.join(folder, 'roots.pem');
  root = (await makeTestCertificates()).rootPem.trim();
  await writeFile(bundle, `# the network's root\n${root}\n`);
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('trusted roots', () => {
  it("leave Node's defaults alone when nothing is added", async () => {
    expect(await trustedRoots({ proxyEnv: {} })).toBeUndefined();
    expect(await trustedRoots(undefined)).toBeUndefined();
  });

  it("are Node's defaults plus AWS_CA_BUNDLE's certificates", async () => {
    const roots = await trustedRoots({ proxyEnv: {}, caBundle: bundle });
    expect(roots).toEqual([...tls.getCACertificates('default'), root]);
  });

  it("include the operating system's store in the app", async () => {
    const roots = await trustedRoots({ proxyEnv: {}, systemRoots: true });
    expect(roots).toEqual([...tls.getCACertificates('default'), ...tls.getCACertificates('system')]);
  });

  it('make one TLS context a route shares across connections, and none when nothing is added', async () => {
    const route = { proxyEnv: {}, caBundle: bundle };
    const first = await trustContext(route);
    expect(first).toBeDefined();
    expect(await trustContext({ ...route, proxyEnv: { HTTPS_PROXY: 'http://p:1' } })).toBe(first);
    expect(await trustContext({ proxyEnv: {} })).toBeUndefined();
  });
});
