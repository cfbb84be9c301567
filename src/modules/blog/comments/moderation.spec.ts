import { moderate } from './moderation';

const rules = { blocklist: ['casino', 'Viagra'], maxLinks: 2 };

describe('comment moderation', () => {
  it('holds a first comment, shows a trusted one', () => {
    expect(moderate('Nice post', false, rules)).toEqual({
      status: 'pending',
      heldFor: 'first_comment',
    });
    expect(moderate('Nice post', true, rules)).toEqual({ status: 'approved', heldFor: null });
  });

  it('holds blocklisted words (any case) and link-heavy comments as spam, trusted or not', () => {
    expect(moderate('Try our CASINO', true, rules).heldFor).toBe('blocklist');
    expect(moderate('buy viagra', true, rules).status).toBe('spam');
    const links = 'see https://a.example and www.b.example and [c](https://c.example)';
    expect(moderate(links, true, rules)).toEqual({ status: 'spam', heldFor: 'links' });
    expect(moderate('one https://a.example two http://b.example', true, rules).status).toBe(
      'approved',
    );
  });
});
