import { canonicalLocale, canonicalTimeZone, localeFromAcceptLanguage } from './locale-and-zone';

describe('locale and time zone', () => {
  it('canonicalises BCP 47 tags and refuses what Intl refuses', () => {
    expect(canonicalLocale('pt-br')).toBe('pt-BR');
    expect(canonicalLocale('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(canonicalLocale('EN')).toBe('en');
    for (const bad of ['', 'en_US', 'english', 'x', 42, null, 'a'.repeat(40)]) {
      expect([bad, canonicalLocale(bad)]).toEqual([bad, undefined]);
    }
  });

  it('accepts IANA zone names (canonical case), refuses offsets and unknown zones', () => {
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('America/Sao_Paulo')).toBe('America/Sao_Paulo');
    for (const bad of ['', '+01:00', 'GMT+1 ', 'Mars/Olympus_Mons', '../etc', 7]) {
      expect([bad, canonicalTimeZone(bad)]).toEqual([bad, undefined]);
    }
  });

  it('takes the best valid language of Accept-Language (q order, then header order)', () => {
    expect(localeFromAcceptLanguage('de-CH, de;q=0.9, en;q=0.8')).toBe('de-CH');
    expect(localeFromAcceptLanguage('fr;q=0.4, es-mx;q=0.7')).toBe('es-MX');
    expect(localeFromAcceptLanguage('en_GB, it;q=0.1')).toBe('it');
    expect(localeFromAcceptLanguage('*, xx_yy;q=0.9')).toBeUndefined();
    expect(localeFromAcceptLanguage('fr;q=0')).toBeUndefined();
    expect(localeFromAcceptLanguage(undefined)).toBeUndefined();
  });
});
