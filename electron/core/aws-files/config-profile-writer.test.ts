// The profiles SSO Tray writes to ~/.aws/config, byte for byte.
import { describe, expect, it } from 'vitest';
import { configFilePerTest } from '../../../e2e/support/config-file-fixture.js';
import { profilesInConfig } from './config-reader.js';
import { writeProcessProfile, writeSsoProfile } from './config-profile-writer.js';

const aws = configFilePerTest();
const { given, config } = aws;

describe('writing profiles into the config', () => {
  it('writes an SSO profile, and updates it in place keeping the user’s own keys', async () => {
    await given(
      '[profile dev]\noutput = table\nsso_session = acme\nsso_account_id = 111122223333\nsso_role_name = Admin\n',
    );
    await writeSsoProfile(aws.paths, 'dev', {
      session: 'acme',
      accountId: '111122223333',
      roleName: 'Admin',
      region: 'eu-west-1',
    });
    expect(await config()).toBe(
      '[profile dev]\noutput = table\nsso_session = acme\nsso_account_id = 111122223333\nsso_role_name = Admin\nregion = eu-west-1\n',
    );
    await writeSsoProfile(aws.paths, 'default', {
      session: 'acme',
      accountId: '444455556666',
      roleName: 'ReadOnly',
    });
    expect(
      (await config()).endsWith(
        '\n[default]\nsso_session = acme\nsso_account_id = 444455556666\nsso_role_name = ReadOnly\n',
      ),
    ).toBe(true);
  });

  it('refuses a profile that is something else, and replaces it only when told to', async () => {
    const original =
      '[profile dev]\nrole_arn = arn:aws:iam::111122223333:role/Deploy\nsource_profile = default\n';
    await given(original);
    const dev = { session: 'acme', accountId: '111122223333', roleName: 'Admin' };
    await expect(writeSsoProfile(aws.paths, 'dev', dev)).rejects.toMatchObject({
      code: 'foreign-profile',
      message: 'The profile "dev" in ~/.aws/config already exists with other settings',
      next: { do: 'choose-profile-name-or-overwrite', profile: 'dev' },
    });
    expect(await config()).toBe(original);
    await writeSsoProfile(aws.paths, 'dev', { ...dev, overwrite: true });
    expect(await config()).toBe(
      '[profile dev]\nsso_session = acme\nsso_account_id = 111122223333\nsso_role_name = Admin\n',
    );
  });

  it('writes a credential_process profile, and refuses a command the SDK would cut at a comment', async () => {
    await writeProcessProfile(
      aws.paths,
      'acme-admin',
      'sso-tray process --profile "acme admin"',
      'us-east-1',
    );
    expect(await config()).toBe(
      '[profile acme-admin]\ncredential_process = sso-tray process --profile "acme admin"\nregion = us-east-1\n',
    );
    expect((await profilesInConfig(aws.paths))['acme-admin']?.credential_process).toBe(
      'sso-tray process --profile "acme admin"',
    );
    await expect(writeProcessProfile(aws.paths, 'other', 'sso-tray process #1')).rejects.toMatchObject({
      code: 'invalid-input',
      message:
        'The key "credential_process" cannot be written to ~/.aws/config: its name or value would not read back the same.',
    });
  });
});
