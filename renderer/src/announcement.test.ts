// What a screen reader hears on each copy: every copy changes the live region's text.
import { describe, expect, it } from 'vitest';
import { freshAnnouncement } from './announcement.js';

describe('copy announcements', () => {
  it('change text on every copy, of the same thing or another', () => {
    const heard: string[] = [];
    let region: string | undefined;
    for (const sentence of [
      'Copied the profile block.',
      'Copied the profile block.',
      'Copied the profile block.',
      'Copied the secret access key.',
    ]) {
      region = freshAnnouncement(region, sentence);
      heard.push(region);
    }
    expect(heard).toEqual([
      'Copied the profile block.',
      'Copied the profile block again.',
      'Copied the profile block.',
      'Copied the secret access key.',
    ]);
  });
});
