// Which AWS partition a region is in, and that partition's sign-in and console hosts.
// Sign-in hosts as the SDK's own Signin endpoint rules name them (@aws-sdk/nested-clients signin/endpoint/bdd.js:
// https://{Region}.signin.aws.amazon.com, .signin.amazonaws.cn, .signin.amazonaws-us-gov.com).
import { SsoTrayError } from '../errors.js';
import { REGION_PATTERN } from '../identifiers.js';

export interface Partition {
  name: 'aws' | 'aws-cn' | 'aws-us-gov';
  /** The region's sign-in federation endpoint. */
  federationUrl: string;
  /** The console's origin for this region. */
  consoleOrigin: string;
  /** A console URL's host must be this domain or end with `.` + it. */
  consoleDomain: string;
}

export function partitionOf(region: string): Partition {
  if (!REGION_PATTERN.test(region))
    throw new SsoTrayError(
      'invalid-input',
      `"${printable(region)}" is not an AWS region; use one like eu-west-1.`,
    );
  if (/^(us-iso|eu-isoe|eusc-)/.test(region))
    throw new SsoTrayError(
      'invalid-input',
      `The console of region ${region} cannot be opened from SSO Tray; open it from your organisation's own portal.`,
    );
  if (region.startsWith('cn-'))
    return {
      name: 'aws-cn',
      federationUrl: `https://${region}.signin.amazonaws.cn/federation`,
      consoleOrigin: 'https://console.amazonaws.cn',
      consoleDomain: 'console.amazonaws.cn',
    };
  if (region.startsWith('us-gov-'))
    return {
      name: 'aws-us-gov',
      federationUrl: `https://${region}.signin.amazonaws-us-gov.com/federation`,
      consoleOrigin: 'https://console.amazonaws-us-gov.com',
      consoleDomain: 'console.amazonaws-us-gov.com',
    };
  return {
    name: 'aws',
    federationUrl: `https://${region}.signin.aws.amazon.com/federation`,
    consoleOrigin: `https://${region}.console.aws.amazon.com`,
    consoleDomain: 'console.aws.amazon.com',
  };
}

/**
 * Where the console opens: a service's home (`s3`, `ec2`) in the region, a full console URL as given (its own
 * partition only), or the console's home. The region rides along as `?region=` unless the URL names one (in its query,
 * or as its host: eu-west-1.console.aws.amazon.com).
 */
export function consoleDestination(partition: Partition, region: string, destination?: string): string {
  const wanted = destination?.trim() ?? '';
  if (wanted === '') return `${partition.consoleOrigin}/console/home?region=${region}`;
  if (/^[a-z0-9][a-z0-9-]{0,62}$/.test(wanted))
    return `${partition.consoleOrigin}/${wanted}/home?region=${region}`;
  const url = URL.canParse(wanted) ? new URL(wanted) : undefined;
  const host = url?.hostname ?? '';
  const inConsole = host === partition.consoleDomain || host.endsWith(`.${partition.consoleDomain}`);
  if (!url || url.protocol !== 'https:' || !inConsole || url.username || url.password || url.port)
    throw new SsoTrayError(
      'invalid-input',
      `The destination must be a service such as s3 or an https URL of the AWS console (${partition.consoleDomain}); choose another destination.`,
    );
  // A regional console host (eu-west-1.console.aws.amazon.com) names its region: that one, not the default.
  const hostRegion = host.slice(0, -partition.consoleDomain.length - 1);
  if (!url.searchParams.has('region'))
    url.searchParams.set('region', REGION_PATTERN.test(hostRegion) ? hostRegion : region);
  return url.href;
}

// Its controls are escaped by SsoTrayError (shared/printable-text.ts), like every sentence's.
const printable = (text: string) => text.slice(0, 40);
