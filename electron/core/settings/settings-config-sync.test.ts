// The config sync's saved choices in settings.json: a field added with defaults, checked with the sync's own rules.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SsoTrayError } from '../errors.js';
import { useSettingsFolder } from '../../../e2e/support/settings-folder.js';

const folder = useSettingsFolder();

describe("the config sync's choices in settings.json", () => {
  it('a version-2 file from before them reads with the defaults, and a save keeps the rest byte for byte', async () => {
    const before = '{\n  "version": 2,\n  "syncConfigProfiles": true,\n  "theme": "dark"\n}\n';
    await folder.writeRaw(before);
    const settings = await folder.settingsFile.read();
    expect([settings.syncConfigProfiles, settings.theme, settings.configSync]).toEqual([
      true,
      'dark',
      { template: '{accountName}.{roleName}', kind: 'sso', prune: false },
    ]);
    expect(await readFile(folder.file, 'utf8')).toBe(before);
    const choices = {
      template: '{session}-{accountName}-{roleName}',
      kind: 'process',
      region: 'eu-west-1',
      prune: true,
    };
    await folder.settingsFile.update((s) => ({ ...s, configSync: { ...choices, kind: 'process' } }));
    const saved = JSON.parse(await readFile(folder.file, 'utf8')) as Record<string, unknown>;
    expect([saved.version, saved.syncConfigProfiles, saved.theme, saved.configSync]).toEqual([
      3,
      true,
      'dark',
      choices,
    ]);
  });

  it("refuses a template the sync would refuse with the template language's own sentence, and a region AWS has not", async () => {
    await folder.settingsFile.update((s) => s);
    const before = await readFile(folder.file, 'utf8');
    const save = (configSync: object) =>
      folder.settingsFile.update((s) => ({ ...s, configSync: { ...s.configSync, ...configSync } }));
    await expect(save({ template: '{accountName}' })).rejects.toThrow(
      new SsoTrayError(
        'invalid-input',
        'The profile name template must use {roleName}, or every role of an account would get the same profile name.',
      ),
    );
    await expect(save({ region: 'Europe' })).rejects.toThrow(
      'The settings were not saved: configSync.region must be an AWS region code such as us-east-1.',
    );
    expect(await readFile(folder.file, 'utf8')).toBe(before);
  });

  it('a hand-edited file with a bad kind is refused in one sentence, never rewritten', async () => {
    await folder.writeRaw('{"version":2,"configSync":{"kind":"saml"}}');
    await expect(folder.settingsFile.read()).rejects.toThrow(
      `${folder.file} has settings SSO Tray cannot read (configSync.kind must be "sso" or "process"); fix or delete it.`,
    );
    expect(await readFile(folder.file, 'utf8')).toBe('{"version":2,"configSync":{"kind":"saml"}}');
  });
});
