// Serving a role to local programs through the door: the window and the tray see the endpoint, never its token; the
// variables reach only the clipboard; Stop, sign-out and quit close it; a malformed call is refused in one sentence.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCoreHarness, type CoreHarness } from '../../e2e/support/core-harness.js';
import { askEndpoint } from '../../e2e/support/endpoint-client.js';
import { eventually } from '../../e2e/support/eventually.js';
import type { ServedEndpoint } from '../core/shapes/front-end-shapes.js';
import { createHandlers, invoke, type HandlerTable } from './handlers.js';
import type { CallOutcome, Channel, ChannelInput, ChannelResult } from './contract.js';

let h: CoreHarness;
let handlers: HandlerTable;
let clipboard: string[];
/** Every outcome and event that would cross to the window, as JSON. */
let crossed: string[];

beforeEach(async () => {
  h = await startCoreHarness();
  clipboard = [];
  crossed = [];
  handlers = createHandlers(h.core, { clipboard: { writeText: (text) => void clipboard.push(text) } });
  h.core.on('endpoints-changed', (list) => crossed.push(JSON.stringify(list)));
  h.core.on('problem', (notice) => crossed.push(JSON.stringify(notice)));
  await h.core.addSession({ name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
  await h.core.signIn('acme', 'browser');
});

afterEach(() => h.close());

async function call<C extends Channel>(channel: C, input: unknown): Promise<CallOutcome<C>> {
  const outcome = await invoke(handlers, channel, input);
  crossed.push(JSON.stringify(outcome));
  return outcome;
}

async function value<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> {
  const outcome = await call(channel, input);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

function role() {
  const account = h.emu.organisation.accounts.find((a) => a.accountName === 'Sandbox')!;
  return { session: 'acme', accountId: account.accountId, roleName: 'AdministratorAccess' };
}

/** The two variables, read from the copied `export NAME=value` lines. */
function copied(): { url: string; token: string } {
  const text = clipboard.at(-1) ?? '';
  const value = (name: string) => new RegExp(`^export ${name}=(\\S+)$`, 'm').exec(text)?.[1] ?? '';
  return {
    url: value('AWS_CONTAINER_CREDENTIALS_FULL_URI'),
    token: value('AWS_CONTAINER_AUTHORIZATION_TOKEN'),
  };
}

describe('serving a role from the app', () => {
  it('shows the endpoint without its token; Copy variables puts the two export lines on the clipboard', async () => {
    const served = await value('endpoints:start', role());
    expect(served).toMatchObject({ ...role(), served: 0 });
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/role-credentials$/);
    await value('endpoints:copy', { id: served.id, format: 'env' });
    const { url, token } = copied();
    expect(clipboard.at(-1)).toBe(
      `export AWS_CONTAINER_CREDENTIALS_FULL_URI=${served.url}\nexport AWS_CONTAINER_AUTHORIZATION_TOKEN=${token}\n`,
    );
    expect(url).toBe(served.url);

    const answer = await askEndpoint(url, { authorization: token });
    const issued = await h.core.credentials(role());
    expect([answer.status, answer.body.AccessKeyId, answer.body.Token]).toEqual([
      200,
      issued.accessKeyId,
      issued.sessionToken,
    ]);
    const [listed] = await value('endpoints:list', {});
    expect(listed).toMatchObject({ id: served.id, served: 1, expiration: issued.expiration.toISOString() });
    expect(listed?.lastRequestAt).toBeDefined();
    // Serving it again keeps the same endpoint (and token): programs already using it go on.
    expect((await value('endpoints:start', role())).id).toBe(served.id);
    // Nothing that would cross to the window holds the token or the credentials.
    await eventually(() => expect(crossed.some((json) => json.includes('"served":1'))).toBe(true));
    for (const secret of [token, issued.secretAccessKey, issued.sessionToken])
      expect(crossed.filter((json) => json.includes(secret))).toEqual([]);
    await value('endpoints:copy', { id: served.id, format: 'powershell' });
    expect(clipboard.at(-1)).toBe(
      `$Env:AWS_CONTAINER_CREDENTIALS_FULL_URI="${served.url}"\n$Env:AWS_CONTAINER_AUTHORIZATION_TOKEN="${token}"\n`,
    );
  });

  it('a program without the token, or with another, is told where the token comes from: Copy variables', async () => {
    const served = await value('endpoints:start', role());
    await value('endpoints:copy', { id: served.id, format: 'env' });
    const { url, token } = copied();
    const missing = await askEndpoint(url, {});
    const wrong = await askEndpoint(url, { authorization: `${token}x` });
    expect([missing.status, missing.body]).toEqual([
      401,
      {
        Code: 'MissingToken',
        Message: 'Set AWS_CONTAINER_AUTHORIZATION_TOKEN to the token Copy variables in SSO Tray gives.',
      },
    ]);
    expect([wrong.status, wrong.body]).toEqual([
      401,
      {
        Code: 'WrongToken',
        Message:
          'The authorization token is not this endpoint’s; use the one Copy variables in SSO Tray gives.',
      },
    ]);
  });

  it('Stop closes it: the next request finds nothing listening, and it leaves the list', async () => {
    const served = await value('endpoints:start', role());
    await value('endpoints:copy', { id: served.id, format: 'env' });
    const { url, token } = copied();
    await value('endpoints:stop', { id: served.id });
    await expect(askEndpoint(url, { authorization: token })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(await value('endpoints:list', {})).toEqual([]);
    expect(await call('endpoints:stop', { id: served.id })).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'That endpoint is no longer served; start it again with Serve to local programs.',
      },
    });
  });

  it('signing out stops the session’s endpoints and says so once', async () => {
    const served = await value('endpoints:start', role());
    await value('endpoints:copy', { id: served.id, format: 'env' });
    const { url, token } = copied();
    const lists: ServedEndpoint[][] = [];
    h.core.on('endpoints-changed', (list) => lists.push(list));
    await value('sessions:sign-out', { session: 'acme' });
    await eventually(() => expect(lists.at(-1)).toEqual([]));
    expect(crossed.filter((json) => json.includes('Stopped serving'))).toEqual([
      JSON.stringify({
        message: `Stopped serving AdministratorAccess in ${role().accountId} to local programs: acme was signed out; sign in and serve it again from the window.`,
      }),
    ]);
    await expect(askEndpoint(url, { authorization: token })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('quitting (the core disposed) closes every endpoint', async () => {
    const served = await value('endpoints:start', role());
    await value('endpoints:copy', { id: served.id, format: 'env' });
    const { url, token } = copied();
    h.core.dispose();
    await expect(askEndpoint(url, { authorization: token })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('a role of a session that is not signed in is refused in the core’s sentence, nothing served', async () => {
    await value('sessions:sign-out', { session: 'acme' });
    const outcome = await call('endpoints:start', role());
    expect(outcome.ok).toBe(false);
    // The window words the step (its Sign in button), as for any other call: the program's words stay with programs.
    expect(outcome.ok ? undefined : outcome.error).toEqual({
      code: 'sign-in-needed',
      message: 'You are not signed in to acme (us-east-1).',
      next: { do: 'sign-in', session: 'acme', when: 'first' },
    });
    expect(await value('endpoints:list', {})).toEqual([]);
  });
});

describe('malformed calls are refused by the contract', () => {
  it('names the field and why; nothing is started or copied', async () => {
    expect(await call('endpoints:stop', { id: 'not-an-id' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/^The request was not valid \(id: /) },
    });
    const served = await value('endpoints:start', role());
    expect(await call('endpoints:copy', { id: served.id, format: 'profile' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(/^The request was not valid \(format: /),
      },
    });
    expect(await call('endpoints:start', { ...role(), listen: '0.0.0.0' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await call('endpoints:list', { token: true })).toMatchObject({ ok: false });
    expect(clipboard).toEqual([]);
    expect((await value('endpoints:list', {})).map((e) => e.id)).toEqual([served.id]);
  });

  it('without the app there is no clipboard to copy to, and the sentence says what to use', async () => {
    const bare = createHandlers(h.core);
    const served = await value('endpoints:start', role());
    expect(await invoke(bare, 'endpoints:copy', { id: served.id, format: 'env' })).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'Copying needs the SSO Tray app; use `sso-tray serve` instead.',
      },
    });
  });
});
