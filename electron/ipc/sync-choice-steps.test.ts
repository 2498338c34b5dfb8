// A config sync's refusal of its template or its region carries the step that names the choice, from the core and
// from the contract's own check, so the window marks that field (renderer/src/sync-choices.ts choiceFieldOf) and the
// CLI names the flag without reading English.
import { describe, expect, it } from 'vitest';
import { desiredProfiles } from '../core/config-sync/desired-profiles.js';
import { isSsoTrayError } from '../core/errors.js';
import { errorForCaller, invoke, type HandlerTable } from './handlers.js';
import { windowSentence } from '../../renderer/src/next-step-words.js';
import { cliSentence } from '../cli/next-step-words.js';

const TEMPLATE = { do: 'fix-sync-choice', choice: 'template' };
const REGION = { do: 'fix-sync-choice', choice: 'region' };

const accounts = [
  { accountId: '111122223333', accountName: 'payments', emailAddress: 'p@example.com', roles: ['ReadOnly'] },
];

/** The error desiredProfiles throws, as it leaves the door for a front end. */
function refusalOf(options: { template?: string; region?: string }) {
  try {
    desiredProfiles(accounts, { session: 'acme', kind: 'sso', ...options });
  } catch (error) {
    if (!isSsoTrayError(error)) throw error;
    return errorForCaller(error);
  }
  throw new Error('accepted');
}

describe("a config sync's refusal of a choice", () => {
  it('of the template, for every mistake the template language names, is marked at the template field', () => {
    for (const template of [
      '{role}.{accountId}',
      '{accountName} {roleName}',
      '{accountName',
      '',
      '{accountId}',
    ]) {
      const refusal = refusalOf({ template });
      expect(refusal.next, template).toEqual(TEMPLATE);
    }
  });

  it('of a name the template gives (too long for a profile) is marked at the template field', () => {
    const refusal = refusalOf({ template: `{accountId}.{roleName}.${'x'.repeat(120)}` });
    expect(refusal.message).toMatch(
      /^The profile name template gives ReadOnly in account 111122223333 a name of/,
    );
    expect(refusal.next).toEqual(TEMPLATE);
  });

  it("of the region, by the contract's check before the core, is marked at the region field", async () => {
    const outcome = await invoke({} as HandlerTable, 'config:sync', { session: 'acme', region: 'Europe' });
    expect(outcome.ok).toBe(false);
    const refusal = outcome.ok ? undefined : outcome.error;
    expect(refusal?.next).toEqual(REGION);
    expect(windowSentence(refusal!)).toBe(refusal!.message);
    expect(cliSentence(refusal!)).toMatch(/\. Change --region\.$/);
  });

  it('of the region, by the core itself, is marked at the region field', () => {
    expect(refusalOf({ region: 'Europe' }).next).toEqual(REGION);
  });
});
