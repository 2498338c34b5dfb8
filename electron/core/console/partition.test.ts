// The sign-in and console hosts per partition, the portal's console shortcut, and the endpoint override.
import { describe, expect, it } from 'vitest';
import { consoleDestination, partitionOf } from './partition.js';
import { portalConsoleLink } from './portal-console-link.js';
import { signinEndpointFromEnv } from './signin-endpoint.js';

describe('each partition signs in and opens the console on its own domains', () => {
  it.each([
    [
      'eu-west-1',
      'https://eu-west-1.signin.aws.amazon.com/federation',
      'https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1',
    ],
    [
      'us-east-1',
      'https://us-east-1.signin.aws.amazon.com/federation',
      'https://us-east-1.console.aws.amazon.com/s3/home?region=us-east-1',
    ],
    [
      'cn-north-1',
      'https://cn-north-1.signin.amazonaws.cn/federation',
      'https://console.amazonaws.cn/s3/home?region=cn-north-1',
    ],
    [
      'us-gov-west-1',
      'https://us-gov-west-1.signin.amazonaws-us-gov.com/federation',
      'https://console.amazonaws-us-gov.com/s3/home?region=us-gov-west-1',
    ],
  ])('%s', (region, federation, s3) => {
    const partition = partitionOf(region);
    expect(partition.federationUrl).toBe(federation);
    expect(consoleDestination(partition, region, 's3')).toBe(s3);
  });

  it('takes the region from a regional console host rather than the default (it would contradict the host)', () => {
    const aws = partitionOf('us-east-1');
    expect(
      consoleDestination(aws, 'us-east-1', 'https://eu-west-1.console.aws.amazon.com/ec2/home#Instances:'),
    ).toBe('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:');
    // A host without a region, or a query naming one, keeps what it says.
    expect(consoleDestination(aws, 'us-east-1', 'https://console.aws.amazon.com/s3/')).toBe(
      'https://console.aws.amazon.com/s3/?region=us-east-1',
    );
    expect(
      consoleDestination(aws, 'us-east-1', 'https://eu-west-1.console.aws.amazon.com/?region=eu-west-2'),
    ).toBe('https://eu-west-1.console.aws.amazon.com/?region=eu-west-2');
  });

  it('keeps a console URL of the partition, its own region included, and refuses one of another partition', () => {
    const gov = partitionOf('us-gov-east-1');
    expect(
      consoleDestination(
        gov,
        'us-gov-east-1',
        'https://console.amazonaws-us-gov.com/ec2/home?region=us-gov-west-1#Instances:',
      ),
    ).toBe('https://console.amazonaws-us-gov.com/ec2/home?region=us-gov-west-1#Instances:');
    expect(() => consoleDestination(gov, 'us-gov-east-1', 'https://console.aws.amazon.com/ec2/home')).toThrow(
      'https URL of the AWS console (console.amazonaws-us-gov.com)',
    );
    for (const bad of [
      'http://console.aws.amazon.com/',
      'https://console.aws.amazon.com.evil.example/',
      'https://user@console.aws.amazon.com/',
      'S3 buckets',
    ])
      expect(() => consoleDestination(partitionOf('eu-west-1'), 'eu-west-1', bad), bad).toThrow(
        'The destination must be',
      );
  });

  it('refuses the isolated partitions with a sentence saying where to go instead', () => {
    expect(() => partitionOf('us-iso-east-1')).toThrow(
      "The console of region us-iso-east-1 cannot be opened from SSO Tray; open it from your organisation's own portal.",
    );
  });
});

describe("the portal's console shortcut", () => {
  it('names the account, the permission set and the destination, encoded', () => {
    expect(
      portalConsoleLink(
        'https://d-1234567890.awsapps.com/start/',
        { accountId: '111122223333', roleName: 'ReadOnlyAccess' },
        'https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1',
      ),
    ).toBe(
      'https://d-1234567890.awsapps.com/start/#/console?account_id=111122223333&role_name=ReadOnlyAccess&destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fs3%2Fhome%3Fregion%3Deu-west-1',
    );
    expect(
      portalConsoleLink('https://acme.awsapps.com/start', {
        accountId: '111122223333',
        roleName: 'Admin+Ops',
      }),
    ).toBe('https://acme.awsapps.com/start/#/console?account_id=111122223333&role_name=Admin%2BOps');
  });

  it('refuses what is not an account ID, a permission set name or an https start URL', () => {
    expect(() =>
      portalConsoleLink('https://a.awsapps.com/start', { accountId: '1111', roleName: 'Admin' }),
    ).toThrow('12 digits');
    expect(() =>
      portalConsoleLink('https://a.awsapps.com/start', { accountId: '111122223333', roleName: 'a&b' }),
    ).toThrow('12 digits');
    expect(() =>
      portalConsoleLink('http://a.awsapps.com/start', { accountId: '111122223333', roleName: 'Admin' }),
    ).toThrow('https://');
  });
});

describe('AWS_ENDPOINT_URL_SIGNIN', () => {
  it('is the sign-in endpoint, then AWS_ENDPOINT_URL, unless configured endpoints are ignored', () => {
    expect(
      signinEndpointFromEnv({
        AWS_ENDPOINT_URL_SIGNIN: 'http://127.0.0.1:1',
        AWS_ENDPOINT_URL: 'http://127.0.0.1:2',
      }),
    ).toBe('http://127.0.0.1:1');
    expect(signinEndpointFromEnv({ AWS_ENDPOINT_URL: 'http://127.0.0.1:2' })).toBe('http://127.0.0.1:2');
    expect(
      signinEndpointFromEnv({
        AWS_ENDPOINT_URL_SIGNIN: 'http://127.0.0.1:1',
        AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
      }),
    ).toBeUndefined();
    expect(signinEndpointFromEnv({})).toBeUndefined();
  });
});
