import { readProfileNameTemplate } from '../../shared/profile-name-template.js';
import { describe, expect, it } from 'vitest';
import { settingsError } from './settings-errors.js';

describe('a settings error names the field by its label and marks it', () => {
  it("says the core's sentence and its next step, and which input to mark", () => {
    // The template language's own sentence (the config sync's and the CLI's too), with the step of the form.
    const read = readProfileNameTemplate('{nope}', 'credentials');
    const template = 'problem' in read ? read.problem : 'accepted';
    expect(template).toMatch(/^The profile name template uses \{nope\}, which is not a placeholder/);
    expect(
      settingsError({ message: template, next: { do: 'fix-setting', setting: 'profileNameTemplate' } }),
    ).toEqual({
      text: `${template} Change Profile name template and save again.`,
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
