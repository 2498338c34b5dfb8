// One mistake in a profile name template, one sentence, whichever template and whichever way in: the settings' own
// (the window's form), the config sync's saved choices (its Apply), and a sync's one-run template (the CLI's flag).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCoreHarness, type CoreHarness } from '../../../e2e/support/core-harness.js';
import { isSsoTrayError } from '../errors.js';

let h: CoreHarness;
beforeEach(async () => {
  h = await startCoreHarness();
  await h.core.addSession({ name: 'acme', startUrl: h.emu.startUrl, region: h.emu.region });
  await h.core.signIn('acme', 'browser');
});
afterEach(() => h.close());

async function sentenceOf(attempt: Promise<unknown>): Promise<string> {
  const error: unknown = await attempt.then(
    () => new Error('accepted'),
    (e: unknown) => e,
  );
  return isSsoTrayError(error, 'invalid-input') ? error.message : String(error);
}

describe('a template mistake is one sentence everywhere', () => {
  it.each([
    [
      '{acount}.{roleName}',
      'The profile name template uses {acount}, which is not a placeholder; use {accountId}, {accountName}, {emailAddress}, {roleName} or {session}.',
    ],
    [
      '{accountName}:{roleName',
      'The profile name template has a "{" without its pair; write each placeholder as {roleName}.',
    ],
    [
      '{accountName}={roleName}',
      'The profile name template holds "=", which an AWS profile name cannot; between placeholders use only letters, digits and - _ . @ + % : /.',
    ],
  ])('%s', async (template, sentence) => {
    const { core } = h;
    const before = await core.settings();
    const choices = { ...before.configSync, template };
    expect(await sentenceOf(core.updateSettings({ profileNameTemplate: template }))).toBe(sentence);
    expect(await sentenceOf(core.updateSettings({ configSync: choices }))).toBe(sentence);
    expect(await sentenceOf(core.syncConfigProfiles({ session: 'acme', template, dryRun: true }))).toBe(
      sentence,
    );
    expect(await core.settings()).toEqual(before);
  });
});
