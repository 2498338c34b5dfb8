// An indented [header] below a key is a header to the JS SDK and more of the key's value to botocore's ConfigParser:
// what SSO Tray writes must never put a header there that both read as a header before.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botocoreRead, WITHOUT_BOTOCORE } from '../../../e2e/support/botocore-reader.js';
import { isSsoTrayError } from '../errors.js';
import { IniDocument } from './ini-document.js';

let dir: string;
beforeAll(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'sso-tray-ini-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Both readers' profiles: the JS SDK's always, botocore's where python3 has it (undefined otherwise). */
async function readers(text: string) {
  const file = path.join(dir, `config-${Math.random().toString(36).slice(2)}`);
  await writeFile(file, text);
  const sdk = await loadSharedConfigFiles({ configFilepath: file, filepath: path.join(dir, 'none') });
  return { sdk: sdk.configFile, botocore: botocoreRead(file) };
}

function edited(text: string, edit: (document: IniDocument) => void): string {
  const document = IniDocument.parse(text, '~/.aws/config');
  edit(document);
  return document.toString();
}

describe('a header indented below the section SSO Tray edits', () => {
  it(`is unindented when a key written above it would make botocore read it as that key’s value${WITHOUT_BOTOCORE}`, async () => {
    const text = '[default]\n  [profile x.y]\nregion = eu-west-1\n';
    const after = edited(text, (d) => d.updateSection('default', [['sso_session', 'acme']]));
    expect(after).toBe('[default]\nsso_session = acme\n[profile x.y]\nregion = eu-west-1\n');
    const read = await readers(after);
    expect(read.sdk).toEqual({ default: { sso_session: 'acme' }, 'x.y': { region: 'eu-west-1' } });
    if (read.botocore) expect(read.botocore).toEqual({ profiles: read.sdk });
  });

  it(`is unindented when removing a section leaves it right below another section’s key${WITHOUT_BOTOCORE}`, async () => {
    const text = '[profile a]\nregion = us-east-1\n[profile ours]\n  [profile b]\nregion = eu-west-1\n';
    const after = edited(text, (d) => d.removeSection('profile ours'));
    expect(after).toBe('[profile a]\nregion = us-east-1\n[profile b]\nregion = eu-west-1\n');
    const read = await readers(after);
    expect(read.sdk).toEqual({ a: { region: 'us-east-1' }, b: { region: 'eu-west-1' } });
    if (read.botocore) expect(read.botocore).toEqual({ profiles: read.sdk });
  });

  it('stays as the user wrote it where botocore already read it as a value: not ours to change', () => {
    const text = '[profile a]\nregion = us-east-1\n  [profile b]\n\n[profile ours]\nregion = us-east-1\n';
    const after = edited(text, (d) => d.updateSection('profile ours', [['region', 'eu-west-1']]));
    expect(after).toBe(
      text.replace('[profile ours]\nregion = us-east-1', '[profile ours]\nregion = eu-west-1'),
    );
  });

  it('stays indented where a comment or a header, not a key, is above it', () => {
    const text = '[profile a]\n# notes\n  [profile b]\nregion = eu-west-1\n';
    const after = edited(text, (d) => d.updateSection('profile b', [['output', 'json']]));
    expect(after).toBe('[profile a]\n# notes\n  [profile b]\nregion = eu-west-1\noutput = json\n');
  });

  it('refuses to edit a section whose header botocore already reads as a value, in one sentence naming the line', () => {
    const text = '[profile constructor]\nregion = 0\n  [default]\n';
    for (const edit of [
      (d: IniDocument) => d.setSection('default', [['sso_session', 'acme']]),
      (d: IniDocument) => d.updateSection('default', [['region', 'us-east-1']]),
      (d: IniDocument) => d.removeSection('default'),
      // The header below the section edited: botocore reads it as more of that section's last value.
      (d: IniDocument) => d.updateSection('profile constructor', [['region', 'us-east-1']]),
    ]) {
      const document = IniDocument.parse(text, '~/.aws/config');
      let refusal: unknown;
      try {
        edit(document);
      } catch (error) {
        refusal = error;
      }
      expect(isSsoTrayError(refusal, 'file-unreadable')).toBe(true);
      expect((refusal as Error).message).toBe(
        '~/.aws/config cannot be read: line 3 is a section to the AWS SDKs but part of the value above it to the AWS CLI (remove the spaces before its "["). Fix or remove that line, then try again.',
      );
      expect(document.toString()).toBe(text);
    }
  });
});
