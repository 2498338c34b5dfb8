import { describe, expect, it } from 'vitest';
import { choiceFieldOf, choicesToSave, sameChoices, syncChoicesOf } from './sync-choices.js';
import type { Settings } from './api.js';

const saved = { template: '{accountName}.{roleName}', kind: 'sso', prune: false } as const;

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

  it("marks the field the core's step names, and shows anything else under Apply, whatever its sentence says", () => {
    const step = (choice: 'template' | 'region') => ({ do: 'fix-sync-choice', choice }) as const;
    expect(choiceFieldOf({ message: 'Some refusal.', next: step('template') })).toBe('template');
    expect(choiceFieldOf({ message: 'Some refusal.', next: step('region') })).toBe('region');
    // The core's English plays no part (electron/ipc/sync-choice-steps.test.ts: its refusals carry the step).
    expect(choiceFieldOf({ message: 'The region "Europe" cannot be used.' })).toBe(undefined);
    expect(choiceFieldOf({ message: 'The profile name template must use {accountName}.' })).toBe(undefined);
    expect(choiceFieldOf({ message: 'The account is gone.', next: { do: 'refresh-list' } })).toBe(undefined);
  });
});
