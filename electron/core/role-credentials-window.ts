/** Role credentials are reused while they are valid for at least this long, as the AWS CLI does (reference §D.5). */
export const ROLE_CREDENTIALS_WINDOW_MS = 15 * 60_000;
