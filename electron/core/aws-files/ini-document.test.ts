import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSsoTrayError } from '../errors.js';
import { IniDocument } from './ini-document.js';

const corpusDir = path.join(import.meta.dirname, 'corpus');
const corpus = async (name: string) => readFile(path.join(corpusDir, name), 'utf8');

// The shapes real files take: Windows editors, BOMs, files saved without a final newline.
const variants: Record<string, (text: string) => string> = {
  lf: (t) => t,
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  bom: (t) => `\uFEFF${t}`,
  'no final newline': (t) => t.replace(/\n$/, ''),
  'bom, crlf, no final newline': (t) => `\uFEFF${t.replace(/\n$/, '').replace(/\n/g, '\r\n')}`,
};
const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ini-document-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** What the JS SDK itself reads from these bytes, as a credentials file and as a config file. */
async function sdkRead(
  text: string,
): Promise<{ credentials: Record<string, unknown>; config: Record<string, unknown> }> {
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.ini`);
  await writeFile(file, text);
  const read = await loadSharedConfigFiles({ filepath: file, configFilepath: file, ignoreCache: true });
  return { credentials: read.credentialsFile, config: read.configFile };
}

function unreadable(text: string, label = '~/.aws/credentials'): string {
  try {
    IniDocument.parse(text, label);
  } catch (error) {
    if (isSsoTrayError(error, 'file-unreadable')) return error.message;
    throw error;
  }
  throw new Error('parsed');
}

describe.each(['credentials-hand-kept.ini', 'config-sso.ini', 'config-botocore-only.ini'])(
  'corpus file %s',
  (name) => {
    describe.each(Object.keys(variants))('as %s', (variant) => {
      it('comes back byte for byte when nothing is edited', async () => {
        const text = (variants[variant] as (t: string) => string)(await corpus(name));
        expect(IniDocument.parse(text, 'x').toString()).toBe(text);
      });

      it('gives every section the keys the SDK reads', async () => {
        const text = (variants[variant] as (t: string) => string)(await corpus(name));
        const document = IniDocument.parse(text, 'x');
        const sdk = await sdkRead(text);
        for (const section of document.sectionNames()) {
          if (section.includes(' ')) continue; // the SDK files prefixed names differently; checked below
          expect(document.getSection(section)).toEqual(sdk.credentials[section]);
        }
        if (name === 'config-sso.ini') {
          expect(document.getSection('services local')).toEqual(sdk.config['services.local']);
          expect(document.getSection('profile s3-tuned')).toEqual(sdk.config['s3-tuned']);
          expect(document.getSection('profile dup')).toEqual({ region: 'us-east-1', output: 'yaml' });
          expect(document.getSection('sso-session acme')).toEqual(sdk.config['sso-session.acme']);
        }
        if (name === 'config-botocore-only.ini') {
          expect(document.getSection('profile quoted')).toEqual(sdk.config.quoted);
          expect(document.getSection('profile multi-line')).toEqual(sdk.config['multi-line']);
        }
      });
    });
  },
);

describe('editing one section of a credentials file', () => {
  const fresh: Array<[string, string]> = [
    ['aws_access_key_id', 'ASIANEWKEY'],
    ['aws_secret_access_key', '9drTJvcXLB89EXAMPLELB8923FB892xMFI'],
    ['aws_session_token', 'NEWTOKEN=='],
  ];

  it.each(Object.keys(variants))('changes only that section (%s)', async (variant) => {
    const text = (variants[variant] as (t: string) => string)(await corpus('credentials-hand-kept.ini'));
    const eol = eolOf(text);
    const start = text.indexOf('[legacy-sts]');
    const end = text.indexOf('[odd   spacing]');
    const document = IniDocument.parse(text, '~/.aws/credentials');
    document.setSection('legacy-sts', fresh);
    const edited = document.toString();
    // The unchanged secret keeps its own spacing; the legacy aws_security_token gives way to aws_session_token.
    const section = [
      '[legacy-sts]',
      'aws_access_key_id = ASIANEWKEY',
      'aws_secret_access_key=9drTJvcXLB89EXAMPLELB8923FB892xMFI',
      'aws_session_token = NEWTOKEN==',
      '',
      '',
    ].join(eol);
    expect(edited).toBe(text.slice(0, start) + section + text.slice(end));
    const before = await sdkRead(text);
    const after = await sdkRead(edited);
    expect(after.credentials['legacy-sts']).toEqual(Object.fromEntries(fresh));
    expect({ ...after.credentials, 'legacy-sts': undefined }).toEqual({
      ...before.credentials,
      'legacy-sts': undefined,
    });
  });

  it('appends a new section after one blank line, in the file’s line ending, keeping a missing final newline', () => {
    const text = '# mine\r\n[default]\r\naws_access_key_id=AKIA1\r\naws_secret_access_key=s1';
    const document = IniDocument.parse(text, 'x');
    document.setSection('work', [['aws_access_key_id', 'AKIA2']]);
    expect(document.toString()).toBe(`${text}\r\n\r\n[work]\r\naws_access_key_id = AKIA2`);
    document.removeSection('work');
    expect(document.toString()).toBe(text);
  });

  it('keeps exactly one blank line before an appended section when the file already ends in one', () => {
    for (const text of ['[a]\nx = 1\n\n', '[a]\r\nx = 1\r\n\r\n', '[a]\nx = 1\n  \n']) {
      const document = IniDocument.parse(text, 'x');
      document.setSection('work', [['aws_access_key_id', 'AKIA2']]);
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      expect(document.toString()).toBe(`${text}[work]${eol}aws_access_key_id = AKIA2${eol}${eol}`);
      document.removeSection('work');
      expect(document.toString()).toBe(text);
    }
  });

  it('appends to an empty file without a leading blank line', () => {
    const document = IniDocument.parse('', 'x');
    document.setSection('work', [
      ['aws_access_key_id', 'AKIA2'],
      ['aws_secret_access_key', 's2'],
    ]);
    expect(document.toString()).toBe('[work]\naws_access_key_id = AKIA2\naws_secret_access_key = s2\n');
  });

  it('removes a middle section with one separating blank line and keeps the comment above the next one', () => {
    const text = '[a]\nx = 1\n\n[mine]\n# ours\nk = v\n\n# production, careful\n[prod]\ny = 2\n';
    const document = IniDocument.parse(text, 'x');
    document.removeSection('mine');
    expect(document.toString()).toBe('[a]\nx = 1\n\n# production, careful\n[prod]\ny = 2\n');
  });

  it('makes duplicate sections one, so the SDK reads the new values', async () => {
    const text =
      '[dev]\naws_access_key_id = OLD1\n\n[other]\nz = 1\n\n[dev]\naws_access_key_id = OLD2\nextra = 3\n';
    const document = IniDocument.parse(text, 'x');
    document.setSection('dev', [['aws_access_key_id', 'NEW']]);
    expect(document.toString()).toBe('[dev]\naws_access_key_id = NEW\n\n[other]\nz = 1\n');
    expect((await sdkRead(document.toString())).credentials.dev).toEqual({ aws_access_key_id: 'NEW' });
  });

  // No wall-clock bound here (the quality bar forbids them; machines are shared): the figure is printed instead.
  it('edits a huge file, leaving the rest byte for byte', () => {
    const profiles = Array.from(
      { length: 20_000 },
      (_, i) => `[p${i}]\naws_access_key_id = AKIA${i}\naws_secret_access_key = ${'s'.repeat(40)}\n`,
    );
    const text = profiles.join('\n');
    const document = IniDocument.parse(text, 'x');
    document.setSection('p10000', [['aws_access_key_id', 'CHANGED']]);
    const edited = document.toString();
    const at = text.indexOf('[p10000]');
    const next = text.indexOf('[p10001]');
    expect(edited).toBe(`${text.slice(0, at)}[p10000]\naws_access_key_id = CHANGED\n\n${text.slice(next)}`);
    expect(text.length).toBeGreaterThan(1_500_000);
  });
});

describe('editing a config file', () => {
  it('keeps [services] sub-sections and duplicates of other sections as they are', async () => {
    const text = await corpus('config-sso.ini');
    const document = IniDocument.parse(text, '~/.aws/config');
    document.setSection('profile dev', [
      ['sso_session', 'acme'],
      ['sso_account_id', '999999999999'],
      ['sso_role_name', 'AdministratorAccess'],
    ]);
    const edited = document.toString();
    const before = await sdkRead(text);
    const after = await sdkRead(edited);
    expect(after.config.dev).toEqual({
      sso_session: 'acme',
      sso_account_id: '999999999999',
      sso_role_name: 'AdministratorAccess',
    });
    expect({ ...after.config, dev: undefined }).toEqual({ ...before.config, dev: undefined });
    expect(edited.slice(edited.indexOf('# legacy'))).toBe(text.slice(text.indexOf('# legacy')));
  });

  it('updates some keys and leaves the user’s other keys, sub-sections included', async () => {
    const text = await corpus('config-sso.ini');
    const document = IniDocument.parse(text, '~/.aws/config');
    document.updateSection('profile s3-tuned', [['region', 'eu-north-1']], ['credential_process']);
    expect(document.getSection('profile s3-tuned')).toEqual({
      region: 'eu-north-1',
      's3.max_concurrent_requests': '20',
      's3.multipart_threshold': '64MB',
    });
    expect(document.toString()).toBe(
      text
        .replace('[profile s3-tuned]\nregion = us-east-1', '[profile s3-tuned]\nregion = eu-north-1')
        .replace('credential_process = /usr/local/bin/get-creds --profile "s3 tuned"\n', ''),
    );
  });

  it('unindents a key that would otherwise fall into the sub-section above it', async () => {
    const text = '[profile x]\ns3 =\n  a = 1\nregion = us-east-1\n  output = json\n';
    const document = IniDocument.parse(text, 'x');
    document.updateSection('profile x', [], ['region']);
    expect(document.toString()).toBe('[profile x]\ns3 =\n  a = 1\noutput = json\n');
    expect((await sdkRead(document.toString())).config.x).toEqual({ 's3.a': '1', output: 'json' });
  });

  it('keeps a file without a final newline so when the keys it drops leave a blank line last', () => {
    const text = '[services local]\noutput = json\n\ns3 =\n  region = a';
    const document = IniDocument.parse(text, 'x');
    document.setSection('services local', [['output', 'text']]);
    expect(document.toString()).toBe('[services local]\noutput = text');
  });

  it('matches [profile "dev"] as the SDK does', () => {
    const document = IniDocument.parse('[profile "dev"]\nregion = us-east-1\n', 'x');
    document.setSection('profile dev', [['region', 'eu-west-1']]);
    expect(document.toString()).toBe('[profile "dev"]\nregion = eu-west-1\n');
  });
});

describe('a file that cannot be parsed', () => {
  it('names the line that is neither a section, a key nor a comment', () => {
    expect(
      unreadable('[default]\naws_access_key_id = A\n\n# ok\n[work]\nregion = x\nthis is not ini\n'),
    ).toBe(
      '~/.aws/credentials cannot be read: line 7 is neither a [section], a key = value, nor a comment. Fix or remove that line, then try again.',
    );
  });

  it('names a key before the first section', () => {
    expect(unreadable('\r\naws_access_key_id = A\r\n[default]\r\n', '~/.aws/config')).toBe(
      '~/.aws/config cannot be read: line 2 comes before the first [section]. Fix or remove that line, then try again.',
    );
  });

  it.each([
    ['an empty section name', '[default]\nx = 1\n[]\n', 3],
    ['a header with text after it', '[default] junk\n', 1],
    ['a key without a name', '[default]\n= value\n', 2],
    ['an indented line right after a header', '[default]\n   stray\n', 2],
  ])('refuses %s', (_, text, line) => {
    expect(unreadable(text)).toContain(`line ${line} is neither a [section], a key = value, nor a comment.`);
  });

  it('refuses the section names the SDK refuses', () => {
    expect(unreadable('[ok]\n[profile __proto__]\nx = 1\n')).toBe(
      '~/.aws/credentials cannot be read: line 2 names a section the AWS SDK refuses to read. Fix or remove that line, then try again.',
    );
  });
});

describe('what cannot be written', () => {
  it.each([
    ['a value the SDK would cut at a comment', 'k', 'abc #def'],
    ['an empty value (a sub-section start)', 'k', ''],
    ['a value with a line break', 'k', 'a\nb = c'],
    ['a key with spaces around it', ' k', 'v'],
  ])('refuses %s', (_, key, value) => {
    const document = IniDocument.parse('[a]\nx = 1\n', '~/.aws/credentials');
    expect(() => document.setSection('a', [[key, value]])).toThrow(
      `The key "${key.replace('\n', ' ')}" cannot be written to ~/.aws/credentials: its name or value would not read back the same.`,
    );
    expect(document.toString()).toBe('[a]\nx = 1\n');
  });

  it('refuses a section name that would not read back', () => {
    const document = IniDocument.parse('', '~/.aws/config');
    expect(() => document.setSection('profile x ', [['k', 'v']])).toThrow(
      'The section [profile x ] cannot be written to ~/.aws/config: use a name without brackets, comment marks or spaces at either end.',
    );
  });
});
