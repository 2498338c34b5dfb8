import { readProfileNameTemplate } from '../../shared/profile-name-template.js';
import { describe, expect, it } from 'vitest';
import { choiceFieldOf, choicesToSave, sameChoices, syncChoicesOf } from './sync-choices.js';
import type { Settings } from './api.js';

const saved = { template: '{accountName}.{roleName}', kind: 'sso', prune: false } as const;

const refusalOf = (template: string) => {
  const read = readProfileNameTemplate(template, 'config-sync');
  return 'problem' in read ? read.problem : 'accepted';
};

describe("the config sync's choices in the window", () => {
  it('are the saved ones until the user edits them; an empty region is none, saved without the key', () => {
    const settings = { configSync: saved } as Settings;
    const shown = syncChoicesOf({ settings })!;
    expect(shown).toEqual({ ...saved, region: '' });
    expect(choicesToSave({ ...shown, region: '  ' })).toEqual(saved);
    expect(choicesToSave({ ...shown, region: ' eu-west-1 ' })).toEqual({ ...saved, region: 'eu-west-1' });
    expect(sameChoices(shown, { ...shown, region: ' ' })).toBe(true);
    expect(sameChoices(shown, { ...shown, kind: 'process' })).toBe(false);
    expect(syncChoicesOf({ settings, syncChoices: { ...shown, prune: true } })?.prune).toBe(true);
  });

  it("puts the core's refusal of a template or a region at its field, and anything else under Apply", () => {
    // Every refusal the template language says, as the core sends it.
    for (const template of [
      '{role}.{accountId}',
      '{accountName} {roleName}',
      '{accountName',
      '',
      '{accountId}',
    ])
      expect(choiceFieldOf(refusalOf(template))).toBe('template');
    expect(
      choiceFieldOf('The region "Europe" cannot be used: it must be an AWS region code such as us-east-1.'),
    ).toBe('region');
    expect(
      choiceFieldOf('~/.aws/config has no [sso-session acme] for the profiles to sign in through; …'),
    ).toBe(undefined);
  });
});
