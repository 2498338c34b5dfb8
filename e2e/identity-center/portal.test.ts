import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  paginateListAccountRoles,
  paginateListAccounts,
  type SSOClient,
} from '@aws-sdk/client-sso';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/fake-clock.js';
import { startEmulator, type RunningEmulator } from './emulator.js';
import { deviceSignIn, portalClient, serviceErrorOf } from './sdk-sign-in.js';

describe('the portal over a 1,200-account organisation', () => {
  let emu: RunningEmulator;
  let portal: SSOClient;
  let accessToken: string;

  beforeAll(async () => {
    emu = await startEmulator({ accounts: 1200 });
    portal = portalClient(emu);
    accessToken = (await deviceSignIn(emu)).token.accessToken as string;
  });
  afterAll(() => emu.close());

  it('pages through every account with paginateListAccounts, 100 at a time', async () => {
    emu.clearCalls();
    const ids: string[] = [];
    for await (const page of paginateListAccounts({ client: portal, pageSize: 100 }, { accessToken }))
      ids.push(...(page.accountList ?? []).map((a) => a.accountId as string));
    expect(ids).toEqual(emu.organisation.accounts.map((a) => a.accountId));
    expect(new Set(ids).size).toBe(1200);
    expect(emu.calls({ api: 'ListAccounts', status: 200 })).toHaveLength(12);
  });

  it('answers 20 accounts and a nextToken when max_result is absent', async () => {
    const page = await portal.send(new ListAccountsCommand({ accessToken }));
    expect(page.accountList).toHaveLength(20);
    expect(page.accountList?.[0]).toEqual({
      accountId: emu.organisation.accounts[0]?.accountId,
      accountName: emu.organisation.accounts[0]?.accountName,
      emailAddress: emu.organisation.accounts[0]?.emailAddress,
    });
    expect(page.nextToken).toEqual(expect.any(String));
  });

  it('refuses max_result outside 1..100 and a next_token it did not issue', async () => {
    for (const maxResults of [0, 101])
      expect(await serviceErrorOf(portal.send(new ListAccountsCommand({ accessToken, maxResults })))).toEqual(
        {
          name: 'InvalidRequestException',
          status: 400,
          message: 'max_result must be between 1 and 100',
        },
      );
    expect(
      await serviceErrorOf(
        portal.send(new ListAccountsCommand({ accessToken, nextToken: 'bm90LWEtdG9rZW4' })),
      ),
    ).toMatchObject({ name: 'InvalidRequestException', status: 400, message: 'Invalid next token' });
  });
});

describe('roles and role credentials in the demo organisation', () => {
  const clock = new FakeClock();
  let emu: RunningEmulator;
  let portal: SSOClient;
  let accessToken: string;

  beforeAll(async () => {
    emu = await startEmulator({ now: () => clock.now(), lifetimes: { roleCredentialSeconds: 900 } });
    portal = portalClient(emu);
    accessToken = (await deviceSignIn(emu)).token.accessToken as string;
  });
  afterAll(() => emu.close());

  const account = (name: string) => {
    const found = emu.organisation.accounts.find((a) => a.accountName === name);
    if (!found) throw new Error(`no demo account ${name}`);
    return found;
  };

  it('lists an account’s permission sets, paged with paginateListAccountRoles', async () => {
    const dev = account('Payments dev');
    const roles: string[] = [];
    for await (const page of paginateListAccountRoles(
      { client: portal, pageSize: 2 },
      { accessToken, accountId: dev.accountId },
    )) {
      for (const role of page.roleList ?? []) {
        expect(role.accountId).toBe(dev.accountId);
        roles.push(role.roleName as string);
      }
    }
    expect(roles).toEqual(dev.roles);
    expect(emu.calls({ api: 'ListAccountRoles' }).at(-1)).toMatchObject({
      accountId: dev.accountId,
      status: 200,
    });
  });

  it('does not list an account that has no permission set for the user, and answers ResourceNotFoundException', async () => {
    const audit = account('Audit');
    const listed = await portal.send(new ListAccountsCommand({ accessToken, maxResults: 100 }));
    expect(listed.accountList?.map((a) => a.accountId)).not.toContain(audit.accountId);
    expect(listed.accountList).toHaveLength(emu.organisation.accounts.length - 1);
    expect(
      await serviceErrorOf(
        portal.send(new ListAccountRolesCommand({ accessToken, accountId: audit.accountId })),
      ),
    ).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  });

  it('gives fresh credentials on each call, expiring roleCredentialSeconds from now (epoch ms)', async () => {
    const prod = account('Payments prod');
    const get = () =>
      portal.send(
        new GetRoleCredentialsCommand({ accessToken, accountId: prod.accountId, roleName: 'ReadOnlyAccess' }),
      );
    const first = (await get()).roleCredentials;
    const second = (await get()).roleCredentials;
    expect(first?.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(first?.secretAccessKey).toHaveLength(40);
    expect(first?.sessionToken?.length).toBeGreaterThan(400);
    expect(first?.expiration).toBe(clock.now() + 900_000);
    expect(second?.accessKeyId).not.toBe(first?.accessKeyId);
    expect(second?.secretAccessKey).not.toBe(first?.secretAccessKey);
    expect(emu.calls({ api: 'GetRoleCredentials' }).at(-1)).toMatchObject({
      accountId: prod.accountId,
      roleName: 'ReadOnlyAccess',
      startUrl: emu.startUrl,
      status: 200,
    });
  });

  it('answers ForbiddenException (403, No access) for a permission set the user lacks in that account', async () => {
    const prod = account('Payments prod');
    const failure = await serviceErrorOf(
      portal.send(
        new GetRoleCredentialsCommand({
          accessToken,
          accountId: prod.accountId,
          roleName: 'AdministratorAccess',
        }),
      ),
    );
    expect(failure).toEqual({ name: 'ForbiddenException', status: 403, message: 'No access' });
  });

  it('answers ResourceNotFoundException for an account id it does not know', async () => {
    const failure = await serviceErrorOf(
      portal.send(
        new GetRoleCredentialsCommand({ accessToken, accountId: '000000000000', roleName: 'ReadOnlyAccess' }),
      ),
    );
    expect(failure).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  });

  it('answers UnauthorizedException for a token it never issued', async () => {
    for (const call of [
      portal.send(new ListAccountsCommand({ accessToken: 'aoa-not-issued' })),
      portal.send(new ListAccountRolesCommand({ accessToken: 'aoa-not-issued', accountId: '000000000000' })),
      portal.send(
        new GetRoleCredentialsCommand({ accessToken: 'aoa-not-issued', accountId: '0', roleName: 'x' }),
      ),
    ])
      expect(await serviceErrorOf(call)).toEqual({
        name: 'UnauthorizedException',
        status: 401,
        message: 'Session token not found or invalid',
      });
  });

  it('sends portal errors as x-amzn-ErrorType plus a {"message"} body', async () => {
    const answer = await fetch(`${emu.url}/assignment/accounts`, {
      headers: { 'x-amz-sso_bearer_token': 'nope' },
    });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
    expect(await answer.json()).toEqual({ message: 'Session token not found or invalid' });
  });

  it('never writes a token or a secret into the call log', async () => {
    expect(JSON.stringify(emu.calls())).not.toContain(accessToken);
    const allowed = [
      'api',
      'at',
      'status',
      'errorType',
      'grantType',
      'accountId',
      'roleName',
      'startUrl',
      'clientId',
    ];
    for (const call of emu.calls())
      expect(Object.keys(call).filter((key) => !allowed.includes(key))).toEqual([]);
  });
});
