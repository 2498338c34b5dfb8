// Which login URLs may reach the browser (the environment's endpoint override is tested in partition.test.ts).
import { describe, expect, it } from 'vitest';
import { isSigninAddress } from './signin-endpoint.js';

describe('a login URL the browser may get', () => {
  const login = '/federation?Action=login&SigninToken=t';
  it.each([
    `https://eu-west-1.signin.aws.amazon.com${login}`,
    `https://cn-north-1.signin.amazonaws.cn${login}`,
    `https://us-gov-west-1.signin.amazonaws-us-gov.com${login}`,
  ])('AWS sign-in in its partitions: %s', (href) => expect(isSigninAddress(href, undefined)).toBe(true));

  it.each([
    `http://eu-west-1.signin.aws.amazon.com${login}`,
    `https://eu-west-1.signin.aws.amazon.com:8443${login}`,
    `https://signin.aws.amazon.com.evil.example${login}`,
    `https://user:pw@eu-west-1.signin.aws.amazon.com${login}`,
    `https://evil.example/eu-west-1.signin.aws.amazon.com${login}`,
    'javascript:alert(1)',
    'not a url',
  ])('nothing else without a configured endpoint: %s', (href) =>
    expect(isSigninAddress(href, undefined)).toBe(false),
  );

  it("with a configured endpoint (the emulator), that endpoint's origin only", () => {
    expect(isSigninAddress(`http://127.0.0.1:4100${login}`, 'http://127.0.0.1:4100/')).toBe(true);
    expect(isSigninAddress(`http://127.0.0.1:4101${login}`, 'http://127.0.0.1:4100')).toBe(false);
    expect(isSigninAddress(`https://eu-west-1.signin.aws.amazon.com${login}`, 'http://127.0.0.1:4100')).toBe(
      false,
    );
  });
});
