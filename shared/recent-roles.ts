// How many recently used roles SSO Tray keeps: settings.json holds at most this many (the core) and the window's
// Recent lists show them all (the tray shows its first few and opens the window on the rest).
export const MAX_RECENT = 10;
