// The shape version of settings.json, apart from its schema: the credential_process fast path checks it without zod.
export const SETTINGS_VERSION = 2;
