// Hints while the user fills in a new session, before anything is sent. They mirror the IPC contract's rules
// (which stay the authority: its sentence is shown when it refuses), since the window cannot load zod schemas.

export interface SessionFields {
  name: string;
  startUrl: string;
  region: string;
}

export type SessionHints = Partial<Record<keyof SessionFields, string>>;

export function sessionFormHints(fields: SessionFields): SessionHints {
  const hints: SessionHints = {};
  const name = fields.name.trim();
  if (!name) hints.name = 'Give the session a name, such as acme.';
  else if (name.length > 64) hints.name = 'Use at most 64 characters.';
  else if (!/^[A-Za-z0-9_.-]+$/.test(name)) hints.name = 'Use letters, digits, "-", "_" and "." only.';

  const startUrl = fields.startUrl.trim();
  if (!startUrl)
    hints.startUrl = 'Paste the AWS access portal URL, such as https://d-1234567890.awsapps.com/start.';
  else if (!isHttpsUrl(startUrl)) hints.startUrl = 'The start URL must be an https:// address.';

  const region = fields.region.trim();
  if (!region) hints.region = 'Give the region of your IAM Identity Center, such as us-east-1.';
  else if (!/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/.test(region))
    hints.region = 'A region looks like us-east-1.';
  return hints;
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The regions offered in the form's list (the user may type any other). */
export const COMMON_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'eu-north-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ap-south-1',
  'sa-east-1',
];
