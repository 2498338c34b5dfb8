import { describe, expect, it } from 'vitest';
import { ageText, countdownText, durationText, momentText } from './time-text.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');

describe('the window words times the way people read them', () => {
  it('spans in hours and minutes, minutes, or seconds', () => {
    expect(durationText(8 * 3600_000)).toBe('8 h');
    expect(durationText(7 * 3600_000 + 59 * 60_000 + 30_000)).toBe('7 h 59 min');
    expect(durationText(12 * 60_000 + 5_000)).toBe('12 min');
    expect(durationText(39_100)).toBe('40 s');
    expect(durationText(-5)).toBe('0 s');
  });

  it('a countdown as minutes and seconds', () => {
    expect(countdownText(600)).toBe('10:00');
    expect(countdownText(598.2)).toBe('9:59');
    expect(countdownText(7)).toBe('0:07');
    expect(countdownText(-3)).toBe('0:00');
  });

  it("a listing's age", () => {
    expect(ageText('2025-03-01T11:59:30Z', NOW)).toBe('just now');
    expect(ageText('2025-03-01T11:55:00Z', NOW)).toBe('5 min ago');
    expect(ageText('2025-03-01T09:00:00Z', NOW)).toBe('3 h ago');
    expect(ageText('2025-02-28T11:00:00Z', NOW)).toBe('1 day ago');
    expect(ageText('2025-02-20T12:00:00Z', NOW)).toBe('9 days ago');
  });

  it('a moment with how far it is, ahead or past', () => {
    expect(momentText('2025-03-01T19:59:00Z', NOW)).toMatch(/^\S+.*\(in 7 h 59 min\)$/);
    expect(momentText('2025-03-01T11:48:00Z', NOW)).toMatch(/\(12 min ago\)$/);
  });
});
