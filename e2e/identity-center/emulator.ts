// Starts the Identity Center emulator (SSO OIDC + SSO portal + approval pages) on 127.0.0.1 and hands back its controls.
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAdminHandler } from './admin-routes.js';
import { demoOrganisation, generateOrganisation } from './demo-organisation.js';
import { IdentityStore, normaliseStartUrl } from './identity-store.js';
import {
  type CallRecord,
  DEFAULT_LIFETIMES,
  type Directory,
  type EmulatorOptions,
  type RunningEmulator,
} from './model.js';
import { isLoopbackHost } from './oidc-operations.js';
import { createRequestHandler } from './request-handler.js';
import { faultSchema, describeIssue } from './schemas.js';
import { TrafficControl } from './traffic-control.js';

export type {
  ApiName,
  CallRecord,
  Directory,
  EmulatorOptions,
  Fault,
  Lifetimes,
  Organisation,
  OrganisationAccount,
  RateLimit,
  RunningEmulator,
} from './model.js';
export { API_NAMES, DEFAULT_LIFETIMES } from './model.js';
export { demoOrganisation, generateOrganisation } from './demo-organisation.js';

export const DEFAULT_START_URL = 'https://d-0000000000.awsapps.com/start';
export const DEFAULT_REGION = 'us-east-1';

function directoriesFrom(options: EmulatorOptions): Directory[] {
  const organisation =
    options.accounts !== undefined
      ? generateOrganisation(options.accounts)
      : (options.organisation ?? demoOrganisation());
  const directories: Directory[] = [
    {
      startUrl: options.startUrl ?? DEFAULT_START_URL,
      region: options.region ?? DEFAULT_REGION,
      organisation,
    },
    ...(options.directories ?? []),
  ];
  const seen = new Set<string>();
  for (const { startUrl } of directories) {
    const key = normaliseStartUrl(startUrl);
    if (seen.has(key)) throw new Error(`The start URL ${startUrl} is configured twice.`);
    seen.add(key);
  }
  return directories;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const directories = directoriesFrom(options);
  let offset = 0;
  const now = options.now ?? (() => Date.now() + offset);
  const store = new IdentityStore(directories, { ...DEFAULT_LIFETIMES, ...options.lifetimes }, now);
  const traffic = new TrafficControl(options.rateLimits, options.latencyMs, options.faultSeed);
  const calls: CallRecord[] = [];
  const closing = new AbortController();
  let baseUrl = '';

  const decideDevice = async (userCode: string, decision: 'approved' | 'denied'): Promise<void> => {
    const device = store.liveDevice(userCode);
    // Deciding again the same way is harmless (an auto-approved code, a double click); changing it is not.
    if (device?.decision === decision) return;
    if (!device || device.decision !== 'pending')
      throw new Error(`No pending device authorization has the user code ${userCode}.`);
    device.decision = decision;
  };

  const decideAuthorization = async (authorizeUrl: string, decision: 'approve' | 'deny'): Promise<string> => {
    const target = new URL(authorizeUrl);
    if (target.origin !== baseUrl || target.pathname !== '/authorize')
      throw new Error(
        `Not an /authorize URL of this emulator (${baseUrl}): ${target.origin}${target.pathname}`,
      );
    // What a browser does: load the page, then submit the form with the button pressed.
    const page = await fetch(target, { redirect: 'manual' });
    const text = await page.text();
    let location = page.status === 302 && decision === 'approve' ? page.headers.get('location') : null;
    if (page.status !== 200 && page.status !== 302) {
      const alert = /<p role="alert">([^<]*)<\/p>/.exec(text)?.[1] ?? `HTTP ${page.status}`;
      throw new Error(`The authorize page refused the request: ${alert}`);
    }
    if (!location) {
      const form = new URLSearchParams(target.searchParams);
      form.set('decision', decision);
      const submitted = await fetch(`${baseUrl}/authorize`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      await submitted.text();
      location = submitted.headers.get('location');
      if (submitted.status !== 302 || !location)
        throw new Error(`The authorize form answered HTTP ${submitted.status}.`);
    }
    await followRedirect(location);
    return location;
  };

  const running: RunningEmulator = {
    url: '',
    startUrl: directories[0]?.startUrl ?? DEFAULT_START_URL,
    region: directories[0]?.region ?? DEFAULT_REGION,
    organisation: store.defaultDirectory.organisation,
    calls: (filter = {}) =>
      calls
        .filter(
          (c) =>
            (filter.api === undefined || c.api === filter.api) &&
            (filter.status === undefined || c.status === filter.status),
        )
        .map((c) => ({ ...c })),
    clearCalls: () => void calls.splice(0),
    injectFault: (fault) => {
      const checked = faultSchema.safeParse(fault);
      if (!checked.success) throw new Error(`The fault is not valid: ${describeIssue(checked.error)}`);
      traffic.injectFault(fault);
    },
    clearFaults: () => traffic.clearFaults(),
    setRateLimit: (api, limit) => traffic.setRateLimit(api, limit),
    setLatency: (api, ms) => traffic.setLatency(api, ms),
    advanceClock: (ms) => {
      if (options.now)
        throw new Error(
          "advanceClock works only on the emulator's own clock; move the injected clock instead.",
        );
      offset += ms;
    },
    revokeSessions: (startUrl) => store.revokeAll(startUrl),
    approveDevice: (userCode) => decideDevice(userCode, 'approved'),
    denyDevice: (userCode) => decideDevice(userCode, 'denied'),
    approveAuthorization: (url) => decideAuthorization(url, 'approve'),
    denyAuthorization: (url) => decideAuthorization(url, 'deny'),
    close: async () => {
      closing.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };

  const handler = createRequestHandler(
    {
      store,
      traffic,
      calls,
      autoApprove: options.autoApprove ?? false,
      baseUrl: () => baseUrl,
      log: options.log,
      closing: closing.signal,
    },
    createAdminHandler(running),
  );
  const server = options.tls
    ? createTlsServer({ keepAliveTimeout: 5000, ...options.tls }, handler)
    : createServer({ keepAliveTimeout: 5000 }, handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  baseUrl = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  running.url = baseUrl;
  return running;
}

/** A browser follows the redirect to the app's loopback listener; the emulator never calls anything else. */
async function followRedirect(location: string): Promise<void> {
  const url = new URL(location);
  if (url.protocol !== 'http:' || !isLoopbackHost(url.hostname)) return;
  try {
    const answer = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await answer.arrayBuffer();
  } catch {
    // Nobody listening is what a browser would show as an error page; the decision stands.
  }
}
