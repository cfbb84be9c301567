import { NETWORK_RULES, validateContent } from './network-rules';
import type { SocialMedia } from './social-network.port';

const image = (mimeType = 'image/jpeg', sizeBytes = 1000): SocialMedia => ({
  kind: 'image',
  mimeType,
  sizeBytes,
  url: 'https://cdn.example.com/a.jpg',
});

describe('network rules', () => {
  it('makes the sandbox the strictest of the four', () => {
    const sandbox = NETWORK_RULES.sandbox;
    expect(sandbox.maxTextLength).toBe(280);
    expect(sandbox.maxImages).toBe(4);
    expect(sandbox.mediaRequired).toBe(true);
    expect(sandbox.imageTypes).toEqual(['image/jpeg']);
    expect(sandbox.maxHashtags).toBe(30);
    expect(sandbox.threads).toBe(false);
  });

  it('names the network and the rule a post breaks', () => {
    expect(validateContent('x', { text: 'a'.repeat(281), media: [] })).toEqual([
      { network: 'x', rule: 'text_length', message: expect.stringContaining('280') },
    ]);
    expect(validateContent('linkedin', { text: 'a'.repeat(281), media: [] })).toEqual([]);
    expect(validateContent('instagram', { text: 'hi', media: [] })[0]?.rule).toBe('media_required');
    expect(
      validateContent('x', { text: 'hi', media: [1, 2, 3, 4, 5].map(() => image()) }).map(
        (v) => v.rule,
      ),
    ).toEqual(['image_count']);
    expect(validateContent('instagram', { text: 'hi', media: [image('image/png')] })[0]?.rule).toBe(
      'media_type',
    );
    expect(
      validateContent('x', { text: 'hi', media: [image('image/png', 6 * 1024 * 1024)] })[0]?.rule,
    ).toBe('media_size');
  });

  it('counts an X link as 23 characters', () => {
    const text = `${'a'.repeat(250)} https://example.com/${'p'.repeat(100)}`;
    expect(validateContent('x', { text, media: [] })).toEqual([]);
  });
});
