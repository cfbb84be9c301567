import { passwordProblems } from './password-policy';

describe('password policy', () => {
  it('accepts a long, uncommon passphrase', () => {
    expect(passwordProblems('violet-harbour-tram-1987')).toEqual([]);
  });

  it('refuses short passwords', () => {
    expect(passwordProblems('short-pw')).toEqual(['must be at least 12 characters']);
  });

  it('refuses passwords bcrypt would truncate instead of cutting them silently', () => {
    const seventyThreeBytes = 'ä'.repeat(37); // 37 characters, 74 bytes
    expect(passwordProblems(seventyThreeBytes)).toEqual([
      expect.stringMatching(/at most 72 bytes/),
    ]);
    expect(passwordProblems('a'.repeat(72))).toEqual([]);
  });

  it('refuses passwords over 128 characters', () => {
    expect(passwordProblems('a'.repeat(129))).toEqual(['must be at most 128 characters']);
  });

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblems('1qaz2wsx3edc')).toEqual([expect.stringMatching(/too common/)]);
    expect(passwordProblems('QWERTY123456')).toEqual([expect.stringMatching(/too common/)]);
  });
});
