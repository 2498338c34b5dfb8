// The core's values a front end (electron/app, electron/tray, electron/cli) may import; everything else it reaches
// through the door (electron/ipc/door.ts). ESLint enforces it (eslint.config.js); types may come from anywhere.
export { SsoTrayError, isSsoTrayError } from './errors.js';
export { wordStep, type NextStep, type NextStepWords, type Problem } from './next-step.js';
export {
  CREDENTIAL_FORMATS,
  FORMAT_LABELS,
  formatVariables,
  type CredentialFormat,
} from './role-credentials/formats.js';
export { checkIdentifier, sameRole } from './identifiers.js';
export { DEFAULT_TEMPLATES, PLACEHOLDER_HINT } from '../../shared/profile-name-template.js';
export { PROFILE_KINDS } from './shapes/front-end-shapes.js';
export { awsPathsFromEnv, type Env } from './environment.js';
export { fileLabel } from './aws-files/file-label.js';
export { fileNotices } from './aws-files/file-notices.js';
export { writeFileAtomic } from './aws-files/atomic-write.js';
export { readSessionsFromConfig } from './aws-files/config-reader.js';
export { checkEndpointUrl, isWebAddress } from './endpoint-url.js';
