import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fromProcess } from '@aws-sdk/credential-providers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialProcessCommand, quotePosix, quoteWindows } from './credential-process-command.js';

// Any text a path component or a value could hold on POSIX: everything but NUL.
// Any text a path component or a value could hold and an INI line can carry: no controls, no lone surrogates.
const text = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 30 })
  .filter((s) => !/[\p{Cc}\p{Cs}\u2028\u2029]/u.test(s));
const nasty = fc.constantFrom(
  '$(touch PWNED)',
  '`touch PWNED`',
  "'; touch PWNED; '",
  '"$HOME"',
  'a\\b',
  "it's",
  '!x',
  '~',
  '*',
  'a #b',
  'a ;b',
  ' ',
);
const values = fc.oneof(text, nasty);
const ROLE = { accountId: '111122223333', roleName: 'Admin+=,.@_-', session: 'acme@corp:/%x' };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-process-command-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('credential_process command lines', () => {
  it('single-quote anything /bin/sh would expand, and sh reads back every value as itself', () => {
    fc.assert(
      fc.property(values, (value) => {
        const out = spawnSync('/bin/sh', ['-c', `printf '%s' ${quotePosix(value)}`], {
          cwd: dir,
          encoding: 'utf8',
        });
        expect(out.stdout).toBe(value);
        expect(existsSync(path.join(dir, 'PWNED'))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("read back unchanged by botocore's shlex.split (how the AWS CLI runs credential_process on POSIX)", () => {
    const samples = fc.sample(values, 300).filter((v) => !/[\uD800-\uDFFF]/.test(v));
    const python = spawnSync(
      'python3',
      ['-c', 'import json,shlex,sys; print(json.dumps([shlex.split(l) for l in json.load(sys.stdin)]))'],
      {
        input: JSON.stringify(samples.map((v) => `x ${quotePosix(v)}`)),
        encoding: 'utf8',
      },
    );
    if (python.error)
      return expect.soft(python.error, 'python3 is needed to compare with shlex').toBeUndefined();
    expect(JSON.parse(python.stdout)).toEqual(samples.map((v) => ['x', v]));
  });

  it('runs through the JS SDK fromProcess with every argument intact, from a folder holding shell syntax', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          nasty,
          text.filter((s) => !s.includes('/') && s !== '.' && s !== '..'),
        ),
        async (folder) => {
          const home = await mkdtemp(path.join(dir, 'h-'));
          const bin = path.join(home, folder);
          await mkdir(bin, { recursive: true });
          const script = path.join(bin, 'sso-tray.js');
          await writeFile(
            script,
            `process.stdout.write(JSON.stringify({Version:1,AccessKeyId:'AKID',SecretAccessKey:'S',` +
              `SessionToken:JSON.stringify(process.argv.slice(2)),Expiration:'2999-01-01T00:00:00Z'}))`,
          );
          const command = credentialProcessCommand({ program: process.execPath, script }, ROLE, 'posix');
          await writeFile(path.join(home, 'config'), `[profile p]\ncredential_process = ${command}\n`);
          const creds = await fromProcess({
            profile: 'p',
            configFilepath: path.join(home, 'config'),
            filepath: path.join(home, 'credentials'),
            ignoreCache: true,
          })();
          expect(JSON.parse(creds.sessionToken ?? '')).toEqual([
            'process',
            ROLE.accountId,
            ROLE.roleName,
            '--session',
            ROLE.session,
          ]);
          expect(existsSync(path.join(home, 'PWNED')) || existsSync(path.join(process.cwd(), 'PWNED'))).toBe(
            false,
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses identifiers AWS would not issue before any quoting (a role name with shell syntax in it)', () => {
    const launcher = { program: '/usr/bin/node', script: '/opt/sso-tray/bin/sso-tray.js' };
    expect(() => credentialProcessCommand(launcher, { ...ROLE, roleName: 'A"$(touch /tmp/x)"' })).toThrow(
      'The role name "A\\"$(touch /tmp/x)\\"" cannot be used: it must be 1 to 64 letters, digits or + = , . @ _ - (the IAM role name rule).',
    );
    expect(() => credentialProcessCommand(launcher, { ...ROLE, accountId: '1 && id' })).toThrow(
      /^The account ID/,
    );
  });

  it('needs an absolute launcher: a bare sso-tray only resolves inside npx', () => {
    expect(() => credentialProcessCommand({ program: 'sso-tray' }, ROLE, 'posix')).toThrow(
      'The credential_process command needs the absolute path of sso-tray, not "sso-tray"; run it from its installed location.',
    );
    expect(credentialProcessCommand({ program: '/usr/local/bin/sso-tray' }, ROLE, 'posix')).toBe(
      "/usr/local/bin/sso-tray process 111122223333 Admin+=,.@_- --session 'acme@corp:/%x'",
    );
  });

  it('quotes for cmd.exe and CommandLineToArgvW on Windows, refusing what cmd would expand', () => {
    const launcher = {
      program: 'C:\\Program Files\\nodejs\\node.exe',
      script: 'C:\\Users\\Ann Lee\\sso-tray\\bin\\sso-tray.js',
    };
    expect(credentialProcessCommand(launcher, { ...ROLE, session: 'acme' }, 'win32')).toBe(
      '"C:\\Program Files\\nodejs\\node.exe" "C:\\Users\\Ann Lee\\sso-tray\\bin\\sso-tray.js" process 111122223333 Admin+=,.@_- --session acme',
    );
    expect(quoteWindows('C:\\dir with space\\')).toBe('"C:\\dir with space\\\\"');
    expect(quoteWindows('C:\\a #b')).toBe('"C:\\a "#"b"');
    expect(() => credentialProcessCommand(launcher, ROLE, 'win32')).toThrow(
      '"acme@corp:/%x" cannot pass safely through cmd.exe in a credential_process command; use a session name and an install folder without " % ! or control characters.',
    );
    expect(() => quoteWindows('C:\\50%\\node.exe')).toThrow(/cmd\.exe/);
  });

  it('refuses a line break or control character, which no INI line can carry', () => {
    expect(() => quotePosix('/a\nb')).toThrow(
      '"/a\\nb" cannot pass safely through an INI line in a credential_process command; use a session name and an install folder without " % ! or control characters.',
    );
  });

  it('what it writes is one line the INI parsers keep whole', () => {
    const command = credentialProcessCommand({ program: '/a b/node', script: "/it's/#x;y" }, ROLE, 'posix');
    expect(command).toBe(
      "'/a b/node' '/it'\\''s/#x;y' process 111122223333 Admin+=,.@_- --session 'acme@corp:/%x'",
    );
    expect(
      execFileSync('/bin/sh', ['-c', `printf '%s|' ${command.split(' process')[0]}`], { encoding: 'utf8' }),
    ).toBe("/a b/node|/it's/#x;y|");
  });
});
