// The profile-name template language (shared/profile-name-template.ts) as the core uses it: a refusal is an
// SsoTrayError with the language's one sentence, the same in the window, the tray and the CLI.
import {
  nameProblem,
  readProfileNameTemplate,
  type ProfileNameTemplate,
  type TemplateUse,
  type TemplateValues,
} from '../../../shared/profile-name-template.js';
import { SsoTrayError } from '../errors.js';
import type { NextStep } from '../next-step.js';

export {
  DEFAULT_TEMPLATES,
  MAX_TEMPLATE_LENGTH,
  profileText,
  readProfileNameTemplate,
  type ProfileNameTemplate,
  type TemplateUse,
  type TemplateValues,
} from '../../../shared/profile-name-template.js';

/** The template checked for its use, or SsoTrayError('invalid-input') with the language's sentence. */
export function parseProfileNameTemplate(
  source: string,
  use: TemplateUse,
  /** What to do about a refusal, where the caller knows which choice the template is. */
  next?: NextStep,
): ProfileNameTemplate {
  const read = readProfileNameTemplate(source, use);
  if ('problem' in read) throw new SsoTrayError('invalid-input', read.problem, { next });
  return read.template;
}

/** Undefined when the template is fine for its use, else its sentence (for a settings rule). */
export function templateProblem(source: string, use: TemplateUse): string | undefined {
  const read = readProfileNameTemplate(source, use);
  return 'problem' in read ? read.problem : undefined;
}

/** `name` (a filled template) when a profile can have it, else SsoTrayError naming the role and what to change. */
export function usableProfileName(
  name: string,
  role: { accountId: string; roleName: string },
  next?: NextStep,
): string {
  const problem = nameProblem(name, role);
  if (problem) throw new SsoTrayError('invalid-input', problem, { next });
  return name;
}

/** The profile name a template gives one role, or SsoTrayError when no profile can have it. */
export function profileNameFor(template: ProfileNameTemplate, values: TemplateValues): string {
  return usableProfileName(template.fill(values), values);
}
