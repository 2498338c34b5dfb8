import { describe, expect, it } from 'vitest';
import { sessionFormHints } from './session-form-hints.js';

const good = { name: 'acme', startUrl: 'https://d-1234567890.awsapps.com/start', region: 'eu-west-1' };
const NAME_RULE =
  'must be 1 to 128 letters, digits or - _ . @ + % : /, and not a word the AWS SDKs cannot read as a name (such as "constructor").';

describe('hints while adding a session', () => {
  it('none for a complete, well-formed session', () => {
    expect(sessionFormHints(good)).toEqual({});
    expect(sessionFormHints({ ...good, region: 'us-gov-west-1' })).toEqual({});
  });

  it('an empty field says what it needs', () => {
    expect(sessionFormHints({ name: '', startUrl: '', region: '' })).toEqual({
      name: 'Give the session a name, such as acme.',
      startUrl: 'Paste the AWS access portal URL, such as https://d-1234567890.awsapps.com/start.',
      region: 'Give the region of your IAM Identity Center, such as us-east-1.',
    });
  });

  it("a value AWS's rules refuse gets the core's own sentence", () => {
    expect(
      sessionFormHints({ name: 'my acme', startUrl: 'http://x.example/start', region: 'Frankfurt' }),
    ).toEqual({
      name: `The session name "my acme" cannot be used: it ${NAME_RULE}`,
      startUrl:
        'The start URL "http://x.example/start" cannot be used: it must be an https:// address without spaces, user name or fragment, such as https://d-1234567890.awsapps.com/start.',
      region: 'The region "Frankfurt" cannot be used: it must be an AWS region code such as us-east-1.',
    });
    expect(sessionFormHints({ ...good, name: 'constructor' }).name).toBe(
      'The session name "constructor" is a word the AWS SDKs cannot read as a name; choose another session name.',
    );
    expect(sessionFormHints({ ...good, name: 'x'.repeat(129) }).name).toBe(
      `The session name "${'x'.repeat(40)}…" cannot be used: it ${NAME_RULE}`,
    );
    expect(sessionFormHints({ ...good, startUrl: 'https://me@portal.example/start' }).startUrl).toBe(
      'The start URL "https://me@portal.example/start" cannot be used: it must be an https:// address without spaces, user name or fragment, such as https://d-1234567890.awsapps.com/start.',
    );
  });

  it('no hint for a name, start URL or region that AWS and the core accept', () => {
    for (const name of ['team@acme+prod', 'corp:eu/prod%1', 'x'.repeat(65), 'x'.repeat(128)])
      expect(sessionFormHints({ ...good, name }), name).toEqual({});
    for (const region of ['eusc-de-east-1', 'us-isob-east-1', 'ap-southeast-10'])
      expect(sessionFormHints({ ...good, region }), region).toEqual({});
  });

  it('checks what it will send: the values without surrounding spaces', () => {
    expect(sessionFormHints({ name: ' acme ', startUrl: ` ${good.startUrl}`, region: 'eu-west-1 ' })).toEqual(
      {},
    );
  });
});
