// Which settings.json text the schema last accepted, so the quick answers (cli/quick/, without zod) answer only from a
// file the program itself would read: a hand edit the schema refuses ("theme": "purple", a region "Europe") is then
// the program's to refuse in its own sentence, and a text it accepted once is trusted until it changes. Hand-written:
// a copy of that text beside the file, kept by the one reader and writer of settings.json (settings-file.ts). A copy,
// not a digest: comparing a few hundred bytes costs nothing, where hashing them in JavaScript (the quick answers do not
// load node:crypto) took about 2 ms of every credential_process start (measured with --cpu-prof over 20 runs).

/** The file beside settings.json holding the accepted text (settings-file.ts writes it; the quick answers only read it). */
export const SETTINGS_MARK = 'settings.checked';
