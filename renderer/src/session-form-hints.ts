// Hints while the user fills in a new session, before anything is sent: AWS's rules and the core's own sentence for
// each field (shared/identifier-rules.ts), so the form refuses exactly what the core would and nothing more.
import { identifierProblem } from '../../shared/identifier-rules.js';

export interface SessionFields {
  name: string;
  startUrl: string;
  region: string;
}

export type SessionHints = Partial<Record<keyof SessionFields, string>>;

/** A hint per field that is empty or breaks AWS's rule, for the values as they will be sent (trimmed). */
export function sessionFormHints(fields: SessionFields): SessionHints {
  const hints: SessionHints = {};
  const name = fields.name.trim();
  const startUrl = fields.startUrl.trim();
  const region = fields.region.trim();
  const nameHint = name ? identifierProblem('session-name', name) : 'Give the session a name, such as acme.';
  const startUrlHint = startUrl
    ? identifierProblem('start-url', startUrl)
    : 'Paste the AWS access portal URL, such as https://d-1234567890.awsapps.com/start.';
  const regionHint = region
    ? identifierProblem('region', region)
    : 'Give the region of your IAM Identity Center, such as us-east-1.';
  if (nameHint) hints.name = nameHint;
  if (startUrlHint) hints.startUrl = startUrlHint;
  if (regionHint) hints.region = regionHint;
  return hints;
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
