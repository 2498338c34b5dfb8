// The handler table as the window, the tray and the CLI call it: checked input, one-sentence errors, no secrets.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../e2e/identity-center/emulator.js';
import { startCoreHarness, type CoreHarness } from '../../e2e/support/core-harness.js';
import type { Sandbox } from '../../e2e/support/sandbox.js';
import { createHandlers, errorForCaller, invoke, type HandlerTable } from './handlers.js';
import type { Listing } from '../core/shapes/front-end-shapes.js';
import { SsoTrayError } from '../core/errors.js';

let h: CoreHarness;
let emu: RunningEmulator;
let sandbox: Sandbox;
let handlers: HandlerTable;

beforeEach(async () => {
  h = await startCoreHarness();
  ({ emu, sandbox } = h);
  handlers = createHandlers(h.core);
});

afterEach(() => h.close());

describe('input checked against the contract', () => {
  it('refuses input that does not fit, saying which field and why', async () => {
    expect(
      await invoke(handlers, 'sessions:add', { name: 'acme', startUrl: 'http://x', region: 'us-east-1' }),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message:
          'The start URL "http://x" cannot be used: it must be an https:// address without spaces, user name or fragment, such as https://d-1234567890.awsapps.com/start.',
      },
    });
    expect(
      await invoke(handlers, 'credentials:text', {
        session: 'acme',
        accountId: '12',
        roleName: 'x',
        format: 'env',
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'The account ID "12" cannot be used: it must be exactly 12 digits.',
      },
    });
    const extra = await invoke(handlers, 'profiles:list', { evil: true });
    expect(extra.ok).toBe(false);
  });

  it('refuses a channel that does not exist, even one on Object.prototype', async () => {
    for (const channel of ['shell:exec', 'toString', '__proto__']) {
      expect(await invoke(handlers, channel as never, {})).toEqual({
        ok: false,
        error: { code: 'invalid-input', message: `There is no operation named ${channel}.` },
      });
    }
  });

  it('reports an unexpected failure without its details, which could carry a secret', () => {
    expect(errorForCaller(new Error('token aoaSECRET leaked'))).toEqual({
      code: 'internal',
      message: 'Something went wrong inside SSO Tray; try again, and report it if it persists.',
    });
  });
});

describe('what crosses to the window', () => {
  it("carries an error's next step as data, checked against the contract's schema", async () => {
    expect(await invoke(handlers, 'sessions:sign-in', { session: 'acme' })).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: 'There is no session named "acme"',
        next: { do: 'add-session', session: 'acme' },
      },
    });
    // A step that does not fit the schema (a kind no front end words, a field too many) never crosses.
    const odd = new SsoTrayError('not-found', 'Gone.', { next: { do: 'reinstall' } as never });
    const extra = new SsoTrayError('not-found', 'Gone.', {
      next: { do: 'refresh-list', token: 'aoaSECRET' } as never,
    });
    for (const error of [odd, extra]) {
      expect(errorForCaller(error)).toEqual({
        code: 'internal',
        message: 'Something went wrong inside SSO Tray; try again, and report it if it persists.',
      });
    }
  });

  it('never carries a token or client secret outside the credentials the user asked for', async () => {
    await invoke(handlers, 'sessions:add', { name: 'acme', startUrl: emu.startUrl, region: emu.region });
    const signIn = await invoke(handlers, 'sessions:sign-in', { session: 'acme' });
    expect(signIn).toMatchObject({ ok: true, value: { state: 'signed-in' } });
    const cached = JSON.parse(
      await readFile(
        path.join(sandbox.paths.ssoCacheDir, `${createHash('sha1').update('acme').digest('hex')}.json`),
        'utf8',
      ),
    ) as Record<string, string>;
    const secrets = [cached.accessToken, cached.refreshToken, cached.clientSecret].filter(
      Boolean,
    ) as string[];
    expect(secrets).toHaveLength(3);
    const account = emu.organisation.accounts[0]!;
    const results = [
      signIn,
      await invoke(handlers, 'sessions:list', {}),
      await invoke(handlers, 'accounts:list', { session: 'acme' }),
      await invoke(handlers, 'accounts:cached', { session: 'acme' }),
      await invoke(handlers, 'profiles:write', {
        session: 'acme',
        accountId: account.accountId,
        roleName: account.roles[0]!,
      }),
      await invoke(handlers, 'profiles:list', {}),
      await invoke(handlers, 'settings:get', {}),
    ];
    for (const result of results) {
      expect(result.ok).toBe(true);
      const text = JSON.stringify(structuredClone(result));
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/ASIA[A-Z0-9]{16}/);
    }
  });

  it('shows the cached listing at once on the next start and refreshes it in the background', async () => {
    await invoke(handlers, 'sessions:add', { name: 'acme', startUrl: emu.startUrl, region: emu.region });
    await invoke(handlers, 'sessions:sign-in', { session: 'acme' });
    const first = await invoke(handlers, 'accounts:list', { session: 'acme' });
    if (!first.ok) throw new Error(first.error.message);

    const next = h.newCore();
    const nextHandlers = createHandlers(next);
    const arrived: Listing[] = [];
    next.on('accounts-changed', (listing) => arrived.push(listing));
    emu.clearCalls();
    const shown = await invoke(nextHandlers, 'accounts:cached', { session: 'acme', refreshAfterSeconds: 0 });
    expect(shown).toEqual({ ok: true, value: first.value });
    await next.whenIdle();
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.accounts).toEqual(first.value.accounts);
    expect(emu.calls({ api: 'ListAccounts' }).length).toBeGreaterThan(0);
    next.dispose();
  });
});
