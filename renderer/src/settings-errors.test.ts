import { describe, expect, it } from 'vitest';
import { settingsError } from './settings-errors.js';

describe('a settings error names the field by its label and marks it', () => {
  it("says the core's sentence and its next step, and which input to mark", () => {
    expect(
      settingsError({
        message:
          'The settings were not saved: Profile name template may use only {accountId}, {accountName}, {roleName} and {session}, not {nope}.',
        next: { do: 'fix-setting', setting: 'profileNameTemplate' },
      }),
    ).toEqual({
      text: 'The settings were not saved: Profile name template may use only {accountId}, {accountName}, {roleName} and {session}, not {nope}. Change Profile name template and save again.',
      field: 'template',
    });
    expect(
      settingsError({
        message: 'The settings were not saved: Default region must be an AWS region code such as us-east-1.',
        next: { do: 'fix-setting', setting: 'defaultRegion' },
      }),
    ).toEqual({
      text: 'The settings were not saved: Default region must be an AWS region code such as us-east-1. Change Default region and save again.',
      field: 'region',
    });
  });

  it('leaves a sentence about no field as it is', () => {
    expect(
      settingsError({ message: 'settings.json cannot be read (EACCES); check its permissions.' }),
    ).toEqual({
      text: 'settings.json cannot be read (EACCES); check its permissions.',
    });
  });
});
