// A served role whose session ends (revoked, not signed out here): programs keep the held credentials while they are
// valid, then get one sentence saying to sign in again in SSO Tray, which the SDK's fromHttp hands to the program; the
// user gets one notice; after signing in again the same endpoint and token serve again. On the core's clock, shared
// with the emulator.
import { fromHttp } from '@aws-sdk/credential-providers';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startCoreHarness, type CoreHarness } from '../../e2e/support/core-harness.js';
import { askEndpoint } from '../../e2e/support/endpoint-client.js';
import type { Problem } from '../core/next-step.js';
import { createHandlers, invoke } from './handlers.js';

let h: CoreHarness;

beforeEach(async () => {
  h = await startCoreHarness({ fakeClock: true });
});

afterEach(() => h.close());

it('serves the held credentials, then one sentence, then again after a new sign-in', async () => {
  const clipboard: string[] = [];
  const handlers = createHandlers(h.core, { clipboard: { writeText: (t) => void clipboard.push(t) } });
  const notices: Problem[] = [];
  h.core.on('problem', (problem) => notices.push(problem));
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
  // What a program's SDK reads of the refusal: fromHttp keeps the body's Code and Message of a 4xx answer.
  const read = await fromHttp({
    awsContainerCredentialsFullUri: url,
    awsContainerAuthorizationToken: authorization,
    maxRetries: 0,
  })().then(
    () => ({}) as { Code?: string; Message?: string },
    (error: unknown) => error as { Code?: string; Message?: string },
  );
  expect([ended.status, read]).toMatchObject([
    403,
    {
      Code: 'CredentialsUnavailable',
      Message: 'Your session for acme (us-east-1) has ended. Sign in to acme again in SSO Tray.',
    },
  ]);
  expect(ended.body.Message).toBe(read.Message);
  // The user's notice carries the step as data: the tray and the window word it as their own button or menu item.
  expect(notices.filter((n) => n.message.startsWith('Serving '))).toEqual([
    {
      message: `Serving ${role.roleName} in ${role.accountId} to local programs: Your session for acme (us-east-1) has ended.`,
      next: { do: 'sign-in', session: 'acme', when: 'again' },
    },
  ]);
  const [listed] = h.core.endpoints.list();
  expect(listed?.problem).toEqual({
    message: 'Your session for acme (us-east-1) has ended.',
    next: { do: 'sign-in', session: 'acme', when: 'again' },
  });

  await h.core.signIn('acme', 'browser');
  const again = await askEndpoint(url, { authorization });
  expect(again.status).toBe(200);
  expect(again.body.AccessKeyId).not.toBe(first.body.AccessKeyId);
  expect(h.core.endpoints.list()[0]?.problem).toBeUndefined();
});
