/** Role credentials are reused while they are valid for at least this long, as the AWS CLI does (docs/aws-files-and-protocols.md, "Refresh windows"). */
export const ROLE_CREDENTIALS_WINDOW_MS = 15 * 60_000;
