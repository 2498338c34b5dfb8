// The shape version of settings.json, apart from its schema: the credential_process fast path checks it without zod.
export const SETTINGS_VERSION = 3;

/** The first version whose `sessions` and `shareTokenCacheWithAwsCli` read as today's (the fast path needs no more). */
export const PROCESS_FIELDS_SINCE = 2;
