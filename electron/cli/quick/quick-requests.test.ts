// Which command lines the quick answers take, and which they leave to the program (which words its own refusals).
import { describe, expect, it } from 'vitest';
import { execRequest } from './exec-answer.js';
import { processRequest } from './process-answer.js';

const ID = '111122223333';

describe('execRequest', () => {
  it('takes an id, a role, the options exec shares with the program and everything after -- as given', () => {
    expect(execRequest(['exec', ID, 'Admin', '--', 'aws', 's3', 'ls', '--session', 'x', '--'])).toEqual({
      accountId: ID,
      roleName: 'Admin',
      nested: false,
      command: 'aws',
      args: ['s3', 'ls', '--session', 'x', '--'],
    });
    expect(
      execRequest(['exec', '--session=acme', ID, 'Admin', '--region', 'eu-west-1', '--nested', '--', 'env']),
    ).toEqual({
      accountId: ID,
      roleName: 'Admin',
      session: 'acme',
      region: 'eu-west-1',
      nested: true,
      command: 'env',
      args: [],
    });
    expect(
      execRequest(['exec', ID, 'Admin', '-s', 'acme', '--region=us-gov-west-1', '--', 'env']),
    ).toMatchObject({
      session: 'acme',
      region: 'us-gov-west-1',
    });
  });

  it('leaves to the program what it must word or decide', () => {
    for (const line of [
      ['exec', ID, 'Admin', 'env'], // no --: the program parses the command's own options
      ['exec', ID, 'Admin', '--'], // no command
      ['exec', ID, 'Admin', '--endpoint', '--', 'env'],
      ['exec', ID, 'Admin', '--help', '--', 'env'],
      ['exec', ID, '--', 'env'],
      ['exec', ID, 'Admin', 'extra', '--', 'env'],
      ['exec', ID, 'Admin', '--region', 'Europe', '--', 'env'],
      ['exec', ID, 'Admin', '--region', '--', 'env'],
      ['exec', ID, 'Admin', '--session=', '--', 'env'],
      ['exec', ID, 'Admin', '--session', '--', 'env'],
      ['exec', ID, 'Admin', '--sessions', 'x', '--', 'env'],
      ['process', ID, 'Admin'],
    ])
      expect(execRequest(line), line.join(' ')).toBeUndefined();
  });
});

describe('processRequest', () => {
  it("takes credential_process's shapes, with the session from the flag or SSO_TRAY_SESSION and the profile", () => {
    expect(processRequest(['process', ID, 'Admin'], {})).toEqual({ accountId: ID, roleName: 'Admin' });
    expect(processRequest(['process', ID, 'Admin', '--session', 'acme'], { AWS_PROFILE: 'dev' })).toEqual({
      accountId: ID,
      roleName: 'Admin',
      session: 'acme',
      profile: 'dev',
    });
    expect(
      processRequest(['process', '--session=acme', ID, 'Admin'], { SSO_TRAY_SESSION: 'other' }),
    ).toMatchObject({
      session: 'acme',
    });
    expect(processRequest(['process', ID, 'Admin'], { SSO_TRAY_SESSION: 'other' })).toMatchObject({
      session: 'other',
    });
  });

  it('leaves --help, a missing or extra word and an empty session to the program', () => {
    for (const line of [
      ['process', ID, 'Admin', '--help'],
      ['process', ID],
      ['process', ID, 'Admin', 'x'],
      ['process', ID, 'Admin', '--session='],
      ['process', ID, 'Admin', '--session'],
      ['process', ID, 'Admin', '-s'],
      ['exec', ID, 'Admin'],
    ])
      expect(processRequest(line, {}), line.join(' ')).toBeUndefined();
  });
});
