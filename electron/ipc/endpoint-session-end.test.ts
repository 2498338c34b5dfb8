// A served role whose session ends (revoked, not signed out here): programs keep the held credentials while they are
// valid, then get one sentence saying to sign in again (503, so the SDKs retry); the user gets one notice; after
// signing in again the same endpoint and token serve again. On the core's clock, shared with the emulator.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startCoreHarness, type CoreHarness } from '../../e2e/support/core-harness.js';
import { askEndpoint } from '../../e2e/support/endpoint-client.js';
import { createHandlers, invoke } from './handlers.js';

let h: CoreHarness;

beforeEach(async () => {
  h = await startCoreHarness({ fakeClock: true });
});

afterEach(() => h.close());

it('serves the held credentials, then one sentence, then again after a new sign-in', async () => {
  const clipboard: string[] = [];
  const handlers = createHandlers(h.core, { clipboard: { writeText: (t) => void clipboard.push(t) } });
  const notices: string[] = [];
  h.core.on('problem', ({ message }) => notices.push(message));
  await h.core.addSession({ name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
  await h.core.signIn('acme', 'browser');
  const account = h.emu.organisation.accounts[0]!;
  const role = { session: 'acme', accountId: account.accountId, roleName: account.roles[0]! };
  const started = await invoke(handlers, 'endpoints:start', role);
  if (!started.ok) throw new Error(started.error.message);
  await invoke(handlers, 'endpoints:copy', { id: started.value.id, format: 'env' });
  const value = (name: string) =>
    new RegExp(`^export ${name}=(\\S+)$`, 'm').exec(clipboard[0] ?? '')?.[1] ?? '';
  const url = value('AWS_CONTAINER_CREDENTIALS_FULL_URI');
  const authorization = value('AWS_CONTAINER_AUTHORIZATION_TOKEN');
  const first = await askEndpoint(url, { authorization });

  h.emu.revokeSessions();
  await h.clock!.advance(50 * 60_000); // past the renewal point, before the credentials expire
  const held = await askEndpoint(url, { authorization });
  expect([held.status, held.body.AccessKeyId]).toEqual([200, first.body.AccessKeyId]);

  await h.clock!.advance(11 * 60_000); // past their expiry
  const ended = await askEndpoint(url, { authorization });
  expect(ended.status).toBe(503);
  expect(ended.body.Code).toBe('CredentialsUnavailable');
  expect(ended.body.Message).toBe(
    `The SSO Tray session acme has ended; sign in to it again in SSO Tray, and this endpoint serves ${role.roleName} again.`,
  );
  expect(notices.filter((n) => n.startsWith('Serving '))).toEqual([
    `Serving ${role.roleName} in ${role.accountId} to local programs: ${ended.body.Message}`,
  ]);
  const [listed] = h.core.endpoints.list();
  expect(listed?.problem).toBe(ended.body.Message);

  await h.core.signIn('acme', 'browser');
  const again = await askEndpoint(url, { authorization });
  expect(again.status).toBe(200);
  expect(again.body.AccessKeyId).not.toBe(first.body.AccessKeyId);
  expect(h.core.endpoints.list()[0]?.problem).toBeUndefined();
});
