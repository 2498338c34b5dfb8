import { describe, expect, it } from 'vitest';
import { sessionFormHints } from './session-form-hints.js';

const good = { name: 'acme', startUrl: 'https://d-1234567890.awsapps.com/start', region: 'eu-west-1' };

describe('hints while adding a session', () => {
  it('none for a complete, well-formed session', () => {
    expect(sessionFormHints(good)).toEqual({});
    expect(sessionFormHints({ ...good, region: 'us-gov-west-1' })).toEqual({});
  });

  it('each field says what it needs', () => {
    expect(sessionFormHints({ name: '', startUrl: '', region: '' })).toEqual({
      name: 'Give the session a name, such as acme.',
      startUrl: 'Paste the AWS access portal URL, such as https://d-1234567890.awsapps.com/start.',
      region: 'Give the region of your IAM Identity Center, such as us-east-1.',
    });
    expect(
      sessionFormHints({ name: 'my acme', startUrl: 'http://x.example/start', region: 'Frankfurt' }),
    ).toEqual({
      name: 'Use letters, digits, "-", "_" and "." only.',
      startUrl: 'The start URL must be an https:// address.',
      region: 'A region looks like us-east-1.',
    });
    expect(sessionFormHints({ ...good, startUrl: 'd-1234567890.awsapps.com/start' }).startUrl).toBe(
      'The start URL must be an https:// address.',
    );
  });
});
