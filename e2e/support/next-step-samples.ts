// One next step of every kind, for the tests of each front end's wording table. Typed by kind, so a new kind of step
// has no sample (a type error) until one is added here; the schema check below ties the list to what crosses IPC.
import type { NextStep } from '../../electron/core/next-step.js';

export const NEXT_STEP_SAMPLES: { [Kind in NextStep['do']]: Extract<NextStep, { do: Kind }> } = {
  'sign-in': { do: 'sign-in', session: 'acme', when: 'again' },
  'sign-in-then-report': { do: 'sign-in-then-report', session: 'acme' },
  'restart-sign-in': { do: 'restart-sign-in', session: 'acme' },
  'check-region': { do: 'check-region', session: 'acme' },
  'check-start-url': { do: 'check-start-url', session: 'acme' },
  'refresh-list': { do: 'refresh-list' },
  'add-session': { do: 'add-session', session: 'acme' },
  'name-session': { do: 'name-session' },
  'choose-session-name': { do: 'choose-session-name' },
  'choose-profile-name-or-overwrite': { do: 'choose-profile-name-or-overwrite', profile: 'dev' },
  'choose-process-kind': { do: 'choose-process-kind' },
  'fix-setting': { do: 'fix-setting', setting: 'defaultRegion' },
  'allow-remove': { do: 'allow-remove', profile: 'dev' },
  'fix-sync-choice': { do: 'fix-sync-choice', choice: 'template' },
};

export const EVERY_SAMPLE: NextStep[] = Object.values(NEXT_STEP_SAMPLES);
