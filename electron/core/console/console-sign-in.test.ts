// Console sign-in against the emulator's federation endpoint: the login URL, fetched as a browser would, lands on
// the console page of the right account, role, region and destination; refusals are one sentence without secrets.
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../e2e/identity-center/emulator.js';
import { consolePageFields, issuedRoleCredentials } from '../../../e2e/identity-center/federation-support.js';
import { deviceSignIn } from '../../../e2e/identity-center/sdk-sign-in.js';
import { isSsoTrayError } from '../errors.js';
import { ConsoleSignInError, consoleSignInUrl, type SessionCredentials } from './console-sign-in.js';

let emu: RunningEmulator;
let accessToken: string;
const payments = () => emu.organisation.accounts.find((a) => a.roles.includes('ReadOnlyAccess'));

beforeAll(async () => {
  emu = await startEmulator();
  accessToken = (await deviceSignIn(emu)).token.accessToken as string;
});
afterAll(() => emu.close());
beforeEach(() => emu.clearCalls());

const roleCredentials = (roleName = 'ReadOnlyAccess'): Promise<SessionCredentials> =>
  issuedRoleCredentials(emu, accessToken, { accountId: payments()?.accountId ?? '', roleName });

const federationCalls = () =>
  emu
    .calls()
    .filter((c) => c.api === 'GetSigninToken' || c.api === 'Login')
    .map((c) => [c.api, c.status]);

async function refusal(call: Promise<unknown>): Promise<ConsoleSignInError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ConsoleSignInError))
    throw new Error(`expected a ConsoleSignInError, got ${String(error)}`);
  return error;
}

describe('the login URL lands on the console of the role', () => {
  it('opens a service by its short name in the region asked', async () => {
    const url = await consoleSignInUrl(await roleCredentials(), {
      region: 'eu-west-1',
      destination: 's3',
      issuer: emu.startUrl,
      endpoint: emu.url,
    });
    expect(new URL(url.reveal()).searchParams.get('Issuer')).toBe(emu.startUrl);
    expect(await consolePageFields(url.reveal())).toEqual({
      status: '200',
      account: payments()?.accountId,
      role: 'ReadOnlyAccess',
      region: 'eu-west-1',
      destination: 'https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1',
      duration: 'default',
    });
    expect(federationCalls()).toEqual([
      ['GetSigninToken', 200],
      ['Login', 302],
    ]);
  });

  it('keeps a full console URL, adds the region when it names none, and sends SessionDuration only when asked', async () => {
    const url = await consoleSignInUrl(await roleCredentials('ViewOnlyAccess'), {
      region: 'ap-southeast-2',
      destination: 'https://console.aws.amazon.com/cloudwatch/home#alarmsV2:',
      sessionDurationSeconds: 3600,
      endpoint: `${emu.url}/`,
    });
    expect(await consolePageFields(url.reveal())).toMatchObject({
      role: 'ViewOnlyAccess',
      region: 'ap-southeast-2',
      destination: 'https://console.aws.amazon.com/cloudwatch/home?region=ap-southeast-2#alarmsV2:',
      duration: '3600 s',
    });
  });

  it('opens the console home when no destination is given', async () => {
    const url = await consoleSignInUrl(await roleCredentials(), { region: 'us-east-2', endpoint: emu.url });
    expect((await consolePageFields(url.reveal())).destination).toBe(
      'https://us-east-2.console.aws.amazon.com/console/home?region=us-east-2',
    );
  });
});

describe('the sign-in token stays secret', () => {
  it('shows no token when the URL is printed, logged, serialised or inspected', async () => {
    const url = await consoleSignInUrl(await roleCredentials(), { region: 'eu-west-1', endpoint: emu.url });
    const token = new URL(url.reveal()).searchParams.get('SigninToken') ?? '';
    expect(token.length).toBeGreaterThan(100);
    const shown = [String(url), `${url}`, JSON.stringify({ url }), inspect(url), inspect({ url })];
    for (const text of shown) {
      expect(text).not.toContain(token);
      expect(text).toContain('sign-in token hidden');
    }
  });
});

describe('refusals are one sentence that says what to do', () => {
  it('expired credentials: what the endpoint said, marked so the caller renews them once, with no secret in it', async () => {
    const credentials = await roleCredentials();
    emu.advanceClock(3600 * 1000);
    const error = await refusal(consoleSignInUrl(credentials, { region: 'eu-west-1', endpoint: emu.url }));
    expect([error.code, error.credentialsRefused, error.message]).toEqual([
      'service',
      true,
      'The AWS sign-in endpoint refused the role\'s credentials (HTTP 400: "The session credentials have expired."); get new credentials for the role and try again.',
    ]);
    for (const secret of Object.values(credentials))
      expect(error.message + String(error.stack)).not.toContain(secret);
    expect(federationCalls()).toEqual([['GetSigninToken', 400]]);
  });

  it('a throttled or failing endpoint: try again, not renew', async () => {
    const credentials = await roleCredentials();
    emu.injectFault({ api: 'GetSigninToken', kind: 'server-error', status: 503, count: 1 });
    const error = await refusal(consoleSignInUrl(credentials, { region: 'eu-west-1', endpoint: emu.url }));
    expect([error.credentialsRefused, error.message]).toEqual([
      false,
      'The AWS sign-in endpoint answered HTTP 503: "An internal error occurred. Please try again."; try again in a moment.',
    ]);
  });

  it('an endpoint nobody answers: the host and what to check', async () => {
    const closed = await startEmulator();
    const url = closed.url;
    await closed.close();
    const error = await refusal(
      consoleSignInUrl(await roleCredentials(), { region: 'eu-west-1', endpoint: url }),
    );
    expect([error.code, error.message]).toEqual([
      'network',
      `The AWS sign-in endpoint (${new URL(url).host}) could not be reached (ECONNREFUSED); check the network connection and try again.`,
    ]);
  });

  it('a destination outside the console, a bad session length or region: refused before any request', async () => {
    const credentials = await roleCredentials();
    emu.clearCalls();
    const cases: Array<[Parameters<typeof consoleSignInUrl>[1], string]> = [
      [
        { region: 'eu-west-1', destination: 'https://evil.example/console.aws.amazon.com' },
        'The destination must be a service such as s3 or an https URL of the AWS console (console.aws.amazon.com); choose another destination.',
      ],
      [
        { region: 'cn-north-1', destination: 'https://eu-west-1.console.aws.amazon.com/s3/home' },
        'The destination must be a service such as s3 or an https URL of the AWS console (console.amazonaws.cn); choose another destination.',
      ],
      [
        { region: 'eu-west-1', sessionDurationSeconds: 60 },
        'The console session must last from 15 minutes to 12 hours (900 to 43200 seconds); choose a length in between.',
      ],
      [{ region: 'Europe' }, '"Europe" is not an AWS region; use one like eu-west-1.'],
      [
        { region: 'eu-west-1', endpoint: 'ftp://127.0.0.1' },
        'AWS_ENDPOINT_URL_SIGNIN is ftp://127.0.0.1, not an https:// address; fix or unset it.',
      ],
    ];
    for (const [options, sentence] of cases) {
      const error = await consoleSignInUrl(credentials, { endpoint: emu.url, ...options }).catch(
        (e: unknown) => e,
      );
      expect(isSsoTrayError(error, 'invalid-input') && error.message).toBe(sentence);
    }
    expect(emu.calls()).toEqual([]);
  });
});
