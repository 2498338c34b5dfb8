import { execFileSync, spawnSync } from 'node:child_process';
import { parseEnv } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_FORMATS,
  FORMAT_LABELS,
  defaultProfileName,
  formatCredentials,
  individualValues,
  isValidProfileName,
} from './formats.js';
import { SsoTrayError } from '../errors.js';
import type { RoleCredentials } from '../shapes/aws-shapes.js';

const creds: RoleCredentials = {
  accessKeyId: 'ASIAQ3EGUWQ7EXAMPLE5',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKY',
  sessionToken:
    'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6+Rk2Q7Yb8E9Zz0pQvW3hY0tOkN1p3dU7bCw==',
  expiration: new Date('2026-01-05T16:00:00.000Z'),
  accountId: '111122223333',
  roleName: 'AdministratorAccess',
};

const KEY = 'ASIAQ3EGUWQ7EXAMPLE5';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKY';
const TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6+Rk2Q7Yb8E9Zz0pQvW3hY0tOkN1p3dU7bCw==';

describe('each format, byte for byte, with realistic credentials', () => {
  it('env is what `aws configure export-credentials --format env` prints', () => {
    expect(formatCredentials('env', creds)).toBe(
      `export AWS_ACCESS_KEY_ID=${KEY}\n` +
        `export AWS_SECRET_ACCESS_KEY=${SECRET}\n` +
        `export AWS_SESSION_TOKEN=${TOKEN}\n` +
        'export AWS_CREDENTIAL_EXPIRATION=2026-01-05T16:00:00+00:00\n',
    );
  });

  it('env-no-export', () => {
    expect(formatCredentials('env-no-export', creds)).toBe(
      `AWS_ACCESS_KEY_ID=${KEY}\n` +
        `AWS_SECRET_ACCESS_KEY=${SECRET}\n` +
        `AWS_SESSION_TOKEN=${TOKEN}\n` +
        'AWS_CREDENTIAL_EXPIRATION=2026-01-05T16:00:00+00:00\n',
    );
  });

  it('powershell', () => {
    expect(formatCredentials('powershell', creds)).toBe(
      `$Env:AWS_ACCESS_KEY_ID="${KEY}"\n` +
        `$Env:AWS_SECRET_ACCESS_KEY="${SECRET}"\n` +
        `$Env:AWS_SESSION_TOKEN="${TOKEN}"\n` +
        '$Env:AWS_CREDENTIAL_EXPIRATION="2026-01-05T16:00:00+00:00"\n',
    );
  });

  it('windows-cmd', () => {
    expect(formatCredentials('windows-cmd', creds)).toBe(
      `set AWS_ACCESS_KEY_ID=${KEY}\n` +
        `set AWS_SECRET_ACCESS_KEY=${SECRET}\n` +
        `set AWS_SESSION_TOKEN=${TOKEN}\n` +
        'set AWS_CREDENTIAL_EXPIRATION=2026-01-05T16:00:00+00:00\n',
    );
  });

  it('fish', () => {
    expect(formatCredentials('fish', creds)).toBe(
      `set -gx AWS_ACCESS_KEY_ID "${KEY}"\n` +
        `set -gx AWS_SECRET_ACCESS_KEY "${SECRET}"\n` +
        `set -gx AWS_SESSION_TOKEN "${TOKEN}"\n` +
        'set -gx AWS_CREDENTIAL_EXPIRATION "2026-01-05T16:00:00+00:00"\n',
    );
  });

  it('dotenv', () => {
    expect(formatCredentials('dotenv', creds)).toBe(
      `AWS_ACCESS_KEY_ID=${KEY}\n` +
        `AWS_SECRET_ACCESS_KEY=${SECRET}\n` +
        `AWS_SESSION_TOKEN=${TOKEN}\n` +
        'AWS_CREDENTIAL_EXPIRATION=2026-01-05T16:00:00+00:00\n',
    );
  });

  it("profile is the portal's block: [ACCOUNTID_ROLENAME], key=value without spaces", () => {
    expect(formatCredentials('profile', creds)).toBe(
      '[111122223333_AdministratorAccess]\n' +
        `aws_access_key_id=${KEY}\n` +
        `aws_secret_access_key=${SECRET}\n` +
        `aws_session_token=${TOKEN}\n`,
    );
  });

  it('profile takes the configured name, and ignores a region as the credentials file would', () => {
    expect(formatCredentials('profile', creds, { profileName: 'acme-prod.admin', region: 'eu-west-1' })).toBe(
      '[acme-prod.admin]\n' +
        `aws_access_key_id=${KEY}\n` +
        `aws_secret_access_key=${SECRET}\n` +
        `aws_session_token=${TOKEN}\n`,
    );
  });

  it('values', () => {
    expect(formatCredentials('values', creds)).toBe(
      `AWS access key ID: ${KEY}\n` + `AWS secret access key: ${SECRET}\n` + `AWS session token: ${TOKEN}\n`,
    );
  });

  it('process is the credential_process JSON, indent 2, Version 1, +00:00 expiry, one newline', () => {
    expect(formatCredentials('process', creds)).toBe(
      '{\n' +
        '  "Version": 1,\n' +
        `  "AccessKeyId": "${KEY}",\n` +
        `  "SecretAccessKey": "${SECRET}",\n` +
        `  "SessionToken": "${TOKEN}",\n` +
        '  "Expiration": "2026-01-05T16:00:00+00:00"\n' +
        '}\n',
    );
  });

  it('matches the reference example of the CLI, and drops milliseconds as the CLI does', () => {
    const example = {
      ...creds,
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'wJalrEXAMPLE',
      sessionToken: 'IQoJEXAMPLE',
      expiration: new Date('2024-01-01T08:00:00.999Z'),
    };
    expect(formatCredentials('env', example)).toBe(
      'export AWS_ACCESS_KEY_ID=ASIAEXAMPLE\n' +
        'export AWS_SECRET_ACCESS_KEY=wJalrEXAMPLE\n' +
        'export AWS_SESSION_TOKEN=IQoJEXAMPLE\n' +
        'export AWS_CREDENTIAL_EXPIRATION=2024-01-01T08:00:00+00:00\n',
    );
    expect(formatCredentials('process', example)).toBe(
      '{\n  "Version": 1,\n  "AccessKeyId": "ASIAEXAMPLE",\n  "SecretAccessKey": "wJalrEXAMPLE",\n' +
        '  "SessionToken": "IQoJEXAMPLE",\n  "Expiration": "2024-01-01T08:00:00+00:00"\n}\n',
    );
  });

  it('adds AWS_REGION and AWS_DEFAULT_REGION only when a region is given', () => {
    expect(formatCredentials('env', creds, { region: 'eu-west-1' })).toBe(
      `export AWS_ACCESS_KEY_ID=${KEY}\n` +
        `export AWS_SECRET_ACCESS_KEY=${SECRET}\n` +
        `export AWS_SESSION_TOKEN=${TOKEN}\n` +
        'export AWS_CREDENTIAL_EXPIRATION=2026-01-05T16:00:00+00:00\n' +
        'export AWS_REGION=eu-west-1\n' +
        'export AWS_DEFAULT_REGION=eu-west-1\n',
    );
    expect(formatCredentials('powershell', creds, { region: 'us-gov-west-1' })).toContain(
      '$Env:AWS_REGION="us-gov-west-1"\n$Env:AWS_DEFAULT_REGION="us-gov-west-1"\n',
    );
    expect(formatCredentials('process', creds, { region: 'eu-west-1' })).not.toContain('eu-west-1');
    expect(formatCredentials('fish', creds, { region: '' })).not.toContain('REGION');
  });

  it('ends every output with exactly one newline, every line with \\n', () => {
    for (const format of CREDENTIAL_FORMATS) {
      const text = formatCredentials(format, creds, { region: 'us-east-1' });
      expect(text.endsWith('\n') && !text.endsWith('\n\n'), format).toBe(true);
      expect(text, format).not.toContain('\r');
    }
  });
});

describe('values that need quoting, byte for byte', () => {
  const odd = {
    ...creds,
    accessKeyId: `it's $HOME`,
    secretAccessKey: 'a"b`c\\d',
    sessionToken: '50% & <ok>!',
  };

  it('POSIX shells get single quotes', () => {
    expect(formatCredentials('env', odd)).toBe(
      `export AWS_ACCESS_KEY_ID='it'\\''s $HOME'\n` +
        `export AWS_SECRET_ACCESS_KEY='a"b\`c\\d'\n` +
        `export AWS_SESSION_TOKEN='50% & <ok>!'\n` +
        'export AWS_CREDENTIAL_EXPIRATION=2026-01-05T16:00:00+00:00\n',
    );
  });

  it('PowerShell escapes ` $ " and the typographic quotes with a backtick', () => {
    expect(formatCredentials('powershell', { ...odd, sessionToken: '\u201Cx\u201D' })).toBe(
      '$Env:AWS_ACCESS_KEY_ID="it\'s `$HOME"\n' +
        '$Env:AWS_SECRET_ACCESS_KEY="a`"b``c\\d"\n' +
        '$Env:AWS_SESSION_TOKEN="`\u201Cx`\u201D"\n' +
        '$Env:AWS_CREDENTIAL_EXPIRATION="2026-01-05T16:00:00+00:00"\n',
    );
  });

  it('cmd escapes its operators with ^ and breaks every %NAME% after the %', () => {
    expect(
      formatCredentials('windows-cmd', { ...odd, accessKeyId: '%PATH%x', secretAccessKey: 'a"b^c' }),
    ).toBe(
      'set AWS_ACCESS_KEY_ID=%^PATH%^x\n' +
        'set AWS_SECRET_ACCESS_KEY=a^"b^^c\n' +
        'set AWS_SESSION_TOKEN=50%^ ^& ^<ok^>!\n' +
        'set AWS_CREDENTIAL_EXPIRATION=2026-01-05T16:00:00+00:00\n',
    );
  });

  it('fish escapes \\ " $ inside double quotes', () => {
    expect(formatCredentials('fish', odd)).toBe(
      `set -gx AWS_ACCESS_KEY_ID "it's \\$HOME"\n` +
        'set -gx AWS_SECRET_ACCESS_KEY "a\\"b`c\\\\d"\n' +
        'set -gx AWS_SESSION_TOKEN "50% & <ok>!"\n' +
        'set -gx AWS_CREDENTIAL_EXPIRATION "2026-01-05T16:00:00+00:00"\n',
    );
  });

  it('.env picks single quotes, then double quotes, then backticks', () => {
    expect(formatCredentials('dotenv', odd)).toBe(
      `AWS_ACCESS_KEY_ID="it's $HOME"\n` +
        `AWS_SECRET_ACCESS_KEY='a"b\`c\\d'\n` +
        `AWS_SESSION_TOKEN='50% & <ok>!'\n` +
        'AWS_CREDENTIAL_EXPIRATION=2026-01-05T16:00:00+00:00\n',
    );
    expect(formatCredentials('dotenv', { ...creds, accessKeyId: `it's "x"` })).toContain(
      'AWS_ACCESS_KEY_ID=`it\'s "x"`\n',
    );
  });
});

describe('what cannot be written safely is refused, without the secret in the sentence', () => {
  const refusal = (label: string) =>
    new SsoTrayError(
      'invalid-input',
      `These credentials hold a character that cannot be written safely as ${label}; copy the individual values instead.`,
    );

  it('refuses control characters and line breaks in every line format, but not in the JSON', () => {
    const broken = { ...creds, sessionToken: 'secret-part\nexport EVIL=1' };
    for (const format of CREDENTIAL_FORMATS.filter((f) => f !== 'process')) {
      for (const lineBreak of ['\r', '\u0085', '\u2028', '\u2029', '\t']) {
        const withBreak = { ...creds, accessKeyId: `ASIA${lineBreak}X` };
        expect(() => formatCredentials(format, withBreak), format).toThrow(refusal(FORMAT_LABELS[format]));
      }
      expect(() => formatCredentials(format, broken), format).toThrow(refusal(FORMAT_LABELS[format]));
      try {
        formatCredentials(format, broken);
      } catch (error) {
        expect((error as SsoTrayError).code).toBe('invalid-input');
        expect((error as Error).message).not.toContain('secret-part');
      }
    }
    expect(JSON.parse(formatCredentials('process', broken)).SessionToken).toBe('secret-part\nexport EVIL=1');
  });

  it('refuses a .env value holding all three quote kinds', () => {
    expect(() => formatCredentials('dotenv', { ...creds, secretAccessKey: `'"\`` })).toThrow(
      refusal('.env file'),
    );
  });

  it('refuses a profile value the credentials file would trim, cut at " #", or take as empty', () => {
    for (const sessionToken of [' lead', 'trail ', 'a #b', 'a ;b', '']) {
      expect(() => formatCredentials('profile', { ...creds, sessionToken }), sessionToken).toThrow(
        refusal('AWS credentials file profile'),
      );
    }
    expect(formatCredentials('profile', { ...creds, sessionToken: 'a#b c;d' })).toContain(
      'aws_session_token=a#b c;d\n',
    );
  });

  it('refuses a profile name that would not read back as one section', () => {
    for (const profileName of [
      'my profile',
      'a]b',
      '[x',
      '',
      '__proto__',
      'constructor',
      'toString',
      'a\nb',
    ]) {
      expect(() => formatCredentials('profile', creds, { profileName }), profileName).toThrow(SsoTrayError);
    }
    expect(() => formatCredentials('profile', creds, { profileName: 'a b' })).toThrow(
      new SsoTrayError(
        'invalid-input',
        '"a b" cannot be a profile name; use letters, digits and - _ . without spaces or brackets, and not a word the AWS SDKs cannot read as a name (such as "constructor").',
      ),
    );
    expect(() => formatCredentials('profile', creds, { profileName: 'a\nb' })).toThrow('"a?b" cannot be');
  });

  it('refuses an invalid expiry time', () => {
    expect(() => formatCredentials('process', { ...creds, expiration: new Date('nope') })).toThrow(
      new SsoTrayError('invalid-input', 'These credentials have no valid expiry time; get them again.'),
    );
  });
});

describe('names, labels and individual values', () => {
  it('names the profile as the portal does', () => {
    expect(defaultProfileName('111122223333', 'ReadOnly')).toBe('111122223333_ReadOnly');
  });

  it('has a label for each format, in a stable order', () => {
    expect(CREDENTIAL_FORMATS).toEqual([
      'env',
      'env-no-export',
      'powershell',
      'windows-cmd',
      'fish',
      'dotenv',
      'profile',
      'values',
      'process',
    ]);
    expect(FORMAT_LABELS.env).toBe('macOS and Linux (bash, zsh)');
    expect(FORMAT_LABELS['windows-cmd']).toBe('Windows cmd');
    expect(FORMAT_LABELS.powershell).toBe('PowerShell');
    expect(new Set(Object.values(FORMAT_LABELS)).size).toBe(9);
  });

  it("gives the portal's three values with their variable names", () => {
    expect(individualValues(creds)).toEqual([
      { label: 'AWS access key ID', name: 'AWS_ACCESS_KEY_ID', value: KEY },
      { label: 'AWS secret access key', name: 'AWS_SECRET_ACCESS_KEY', value: SECRET },
      { label: 'AWS session token', name: 'AWS_SESSION_TOKEN', value: TOKEN },
    ]);
  });

  it('accepts usual profile names and rejects ones the SDKs would misread', () => {
    expect(
      ['111122223333_AdministratorAccess', 'acme-prod.admin', 'dev@acme', 'Prod-(EU)'].every(
        isValidProfileName,
      ),
    ).toBe(true);
    expect(['a b', 'a\tb', 'a]b', 'a[b', '', '__proto__'].some(isValidProfileName)).toBe(false);
    // Issue 9, item 4: every name the SDK's parser would find on Object.prototype.
    expect(['constructor', 'toString', 'valueOf', 'hasOwnProperty'].some(isValidProfileName)).toBe(false);
  });
});

// Printable values of every kind: ASCII punctuation that shells care about, and any Unicode grapheme but line breaks.
const printable = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...`'"\`$\\!%^&|<>() #;=~*?[]{}\u201C\u201D`.split('')),
    fc.string({ minLength: 1, maxLength: 1 }),
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
      .filter((grapheme) => !/[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/u.test(grapheme)),
  ),
  maxLength: 24,
});
const anyCreds = fc.record({ accessKeyId: printable, secretAccessKey: printable, sessionToken: printable });
const NAMES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION'] as const;
const PRINT_VARS = `printf '%s\\0' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN" "$AWS_REGION"`;

function installed(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

function run(shell: string, args: readonly string[], script: string): string[] {
  return execFileSync(shell, [...args, script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
    .split('\0')
    .slice(0, -1);
}

describe('real shells read back exactly the values (property)', () => {
  // --norc: bash reads ~/.bashrc even with -c when it thinks it is run by a remote shell daemon.
  for (const [shell, ...args] of [
    ['bash', '--norc', '--noprofile', '-c'],
    ['dash', '-c'],
  ] as const) {
    it(`${shell}: env exports exactly the values`, () => {
      fc.assert(
        fc.property(anyCreds, printable, (values, region) => {
          const text = formatCredentials('env', { ...creds, ...values }, { region });
          // A child process sees only exported variables.
          const env = run(shell, args, `${text}exec env -0`);
          const read = (name: string) =>
            env.find((line) => line.startsWith(`${name}=`))?.slice(name.length + 1);
          expect(NAMES.map(read)).toEqual([
            values.accessKeyId,
            values.secretAccessKey,
            values.sessionToken,
            region || undefined,
          ]);
          expect(read('AWS_CREDENTIAL_EXPIRATION')).toBe('2026-01-05T16:00:00+00:00');
        }),
        { numRuns: 60 },
      );
    });

    it(`${shell}: env-no-export sets exactly the values`, () => {
      fc.assert(
        fc.property(anyCreds, (values) => {
          const text = formatCredentials('env-no-export', { ...creds, ...values }, { region: 'eu-west-1' });
          expect(run(shell, args, text + PRINT_VARS)).toEqual([
            values.accessKeyId,
            values.secretAccessKey,
            values.sessionToken,
            'eu-west-1',
          ]);
        }),
        { numRuns: 60 },
      );
    });
  }

  const fish = installed('fish');
  it.skipIf(!fish)(
    `fish sets exactly the values${fish ? '' : ' (skipped: fish is not installed here)'}`,
    () => {
      fc.assert(
        fc.property(anyCreds, (values) => {
          const text = formatCredentials('fish', { ...creds, ...values }, { region: 'eu-west-1' });
          expect(run('fish', ['--no-config', '-c'], text + PRINT_VARS)).toEqual([
            values.accessKeyId,
            values.secretAccessKey,
            values.sessionToken,
            'eu-west-1',
          ]);
        }),
        { numRuns: 60 },
      );
    },
  );

  const pwsh = installed('pwsh');
  it.skipIf(!pwsh)(
    `PowerShell sets exactly the values${pwsh ? '' : ' (skipped: pwsh is not installed here)'}`,
    () => {
      fc.assert(
        fc.property(anyCreds, (values) => {
          const text = formatCredentials('powershell', { ...creds, ...values });
          const out = execFileSync(
            'pwsh',
            [
              '-NoProfile',
              '-NonInteractive',
              '-Command',
              `${text}[Console]::Out.Write((ConvertTo-Json @($Env:AWS_ACCESS_KEY_ID, $Env:AWS_SECRET_ACCESS_KEY, $Env:AWS_SESSION_TOKEN)))`,
            ],
            { encoding: 'utf8' },
          );
          expect(JSON.parse(out)).toEqual([values.accessKeyId, values.secretAccessKey, values.sessionToken]);
        }),
        { numRuns: 20 },
      );
    },
  );
});

describe('.env and JSON read back exactly the values (property)', () => {
  it("Node's util.parseEnv reads .env back, or the format refuses a value with all three quote kinds", () => {
    fc.assert(
      fc.property(anyCreds, (values) => {
        const impossible = Object.values(values).some(
          (v) => v.includes("'") && v.includes('`') && (v.includes('"') || v.includes('\\')),
        );
        if (impossible) {
          expect(() => formatCredentials('dotenv', { ...creds, ...values })).toThrow(SsoTrayError);
          return;
        }
        const parsed = parseEnv(
          formatCredentials('dotenv', { ...creds, ...values }, { region: 'eu-west-1' }),
        );
        expect(parsed).toEqual({
          AWS_ACCESS_KEY_ID: values.accessKeyId,
          AWS_SECRET_ACCESS_KEY: values.secretAccessKey,
          AWS_SESSION_TOKEN: values.sessionToken,
          AWS_CREDENTIAL_EXPIRATION: '2026-01-05T16:00:00+00:00',
          AWS_REGION: 'eu-west-1',
          AWS_DEFAULT_REGION: 'eu-west-1',
        });
      }),
      { numRuns: 300 },
    );
  });

  it('JSON.parse reads the process document back with Version 1, for any string at all', () => {
    const anyString = fc.string({ unit: 'binary', maxLength: 24 });
    fc.assert(
      fc.property(anyString, anyString, anyString, (accessKeyId, secretAccessKey, sessionToken) => {
        const text = formatCredentials('process', { ...creds, accessKeyId, secretAccessKey, sessionToken });
        expect(JSON.parse(text)).toEqual({
          Version: 1,
          AccessKeyId: accessKeyId,
          SecretAccessKey: secretAccessKey,
          SessionToken: sessionToken,
          Expiration: '2026-01-05T16:00:00+00:00',
        });
        expect(new Date(JSON.parse(text).Expiration).getTime()).toBe(creds.expiration.getTime());
      }),
      { numRuns: 200 },
    );
  });
});
