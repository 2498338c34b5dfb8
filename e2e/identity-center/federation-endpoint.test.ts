// The sign-in federation endpoint over real HTTP: credentials from the emulator's own portal, fetched with the SDK.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './emulator.js';
import { consolePageFields, issuedRoleCredentials } from './federation-support.js';
import { deviceSignIn } from './sdk-sign-in.js';

let emu: RunningEmulator;
let accessToken: string;
const logLines: string[] = [];
const account = () => emu.organisation.accounts.find((a) => a.roles.includes('ReadOnlyAccess'));

beforeAll(async () => {
  emu = await startEmulator({ log: (line) => logLines.push(line) });
  accessToken = (await deviceSignIn(emu)).token.accessToken as string;
});
afterAll(() => emu.close());
beforeEach(() => emu.clearCalls());

async function roleCredentials(roleName = 'ReadOnlyAccess') {
  const c = await issuedRoleCredentials(emu, accessToken, {
    accountId: account()?.accountId ?? '',
    roleName,
  });
  return { sessionId: c.accessKeyId, sessionKey: c.secretAccessKey, sessionToken: c.sessionToken };
}

function federation(params: Record<string, string>): Promise<Response> {
  return fetch(`${emu.url}/federation?${new URLSearchParams(params).toString()}`, { redirect: 'manual' });
}

async function signinToken(session: object, extra: Record<string, string> = {}): Promise<string> {
  const answer = await federation({ Action: 'getSigninToken', Session: JSON.stringify(session), ...extra });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { SigninToken: string }).SigninToken;
}

describe('getSigninToken', () => {
  it('answers a SigninToken for role credentials the portal issued, and records the call', async () => {
    const token = await signinToken(await roleCredentials());
    expect(token).toMatch(/^[\w-]{200,}$/);
    expect(emu.calls({ api: 'GetSigninToken' })).toEqual([
      expect.objectContaining({ status: 200, accountId: account()?.accountId, roleName: 'ReadOnlyAccess' }),
    ]);
  });

  it('refuses credentials it never issued, a wrong secret, and a Session that is not JSON', async () => {
    const issued = await roleCredentials();
    for (const session of [
      JSON.stringify({ ...issued, sessionId: 'ASIANEVERISSUED00000' }),
      JSON.stringify({ ...issued, sessionKey: 'wrong' }),
      'not json',
    ]) {
      const answer = await federation({ Action: 'getSigninToken', Session: session });
      expect(answer.status).toBe(400);
      const text = await answer.text();
      expect(text).not.toContain(issued.sessionKey);
      expect(text).not.toContain(issued.sessionToken);
    }
  });

  it('refuses credentials that have expired', async () => {
    const issued = await roleCredentials();
    emu.advanceClock(3600 * 1000);
    const answer = await federation({ Action: 'getSigninToken', Session: JSON.stringify(issued) });
    expect([answer.status, await answer.text()]).toEqual([400, 'The session credentials have expired.']);
  });

  it('takes SessionDuration from 900 to 43200 seconds only', async () => {
    const issued = await roleCredentials();
    for (const duration of ['899', '43201', '3600.5', 'twelve hours']) {
      const answer = await federation({
        Action: 'getSigninToken',
        Session: JSON.stringify(issued),
        SessionDuration: duration,
      });
      expect(answer.status, duration).toBe(400);
    }
    await signinToken(issued, { SessionDuration: '900' });
    await signinToken(issued, { SessionDuration: '43200' });
  });
});

describe('login', () => {
  it('redirects to the console page naming the account, role, region and destination', async () => {
    const token = await signinToken(await roleCredentials('ReadOnlyAccess'), { SessionDuration: '7200' });
    const destination = 'https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1';
    const answer = await federation({
      Action: 'login',
      Issuer: emu.startUrl,
      Destination: destination,
      SigninToken: token,
    });
    expect(answer.status).toBe(302);
    expect(await consolePageFields(answer.headers.get('location') ?? '')).toEqual({
      status: '200',
      account: account()?.accountId,
      role: 'ReadOnlyAccess',
      region: 'eu-west-1',
      destination,
      duration: '7200 s',
    });
    expect(emu.calls({ api: 'Login', status: 302 })).toHaveLength(1);
    // The request log names the path and the operation only: no Session, SigninToken or Destination.
    expect(logLines.filter((l) => l.includes('/federation')).slice(-2)).toEqual([
      expect.stringMatching(/^GET \/federation GetSigninToken 200 \d+ms$/),
      expect.stringMatching(/^GET \/federation Login 302 \d+ms$/),
    ]);
    expect(logLines.join('\n')).not.toContain(token);
  });

  it('refuses an unknown or expired sign-in token and a destination that is not an https URL', async () => {
    const token = await signinToken(await roleCredentials());
    const login = (params: Record<string, string>) => federation({ Action: 'login', ...params });
    expect(
      (await login({ SigninToken: 'forged', Destination: 'https://console.aws.amazon.com/' })).status,
    ).toBe(400);
    expect((await login({ SigninToken: token, Destination: 'javascript:alert(1)' })).status).toBe(400);
    emu.advanceClock(15 * 60 * 1000);
    expect((await login({ SigninToken: token, Destination: 'https://console.aws.amazon.com/' })).status).toBe(
      400,
    );
  });

  it('answers an unknown Action with 400 and can be throttled like any other operation', async () => {
    expect((await federation({ Action: 'getFederationToken' })).status).toBe(400);
    emu.injectFault({ api: 'GetSigninToken', kind: 'throttle', count: 1 });
    const answer = await federation({ Action: 'getSigninToken', Session: '{}' });
    expect(answer.status).toBe(429);
  });
});
