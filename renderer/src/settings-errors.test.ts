import { readProfileNameTemplate } from '../../shared/profile-name-template.js';
import { describe, expect, it } from 'vitest';
import { settingsError } from './settings-errors.js';

describe("a settings error names the field's label, not its key", () => {
  it("says the core's sentence with the label, and which input to mark", () => {
    const read = readProfileNameTemplate('{nope}', 'credentials');
    const template = 'problem' in read ? read.problem : 'accepted';
    expect(settingsError(template)).toEqual({ text: template, field: 'template' });
    expect(template).toMatch(/^The profile name template uses \{nope\}, which is not a placeholder/);
    expect(
      settingsError(
        'The settings were not saved: defaultRegion must be an AWS region code such as us-east-1.',
      ),
    ).toEqual({
      text: 'The settings were not saved: Default region must be an AWS region code such as us-east-1.',
      field: 'region',
    });
  });

  it('leaves a sentence about no field as it is', () => {
    expect(settingsError('settings.json cannot be read (EACCES); check its permissions.')).toEqual({
      text: 'settings.json cannot be read (EACCES); check its permissions.',
    });
  });
});
