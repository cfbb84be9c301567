const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'ckb', 'dv']);

/** A well-formed BCP 47 tag for `lang`, or `en` when the stored one is not. */
export function documentLanguage(language: string | undefined): string {
  try {
    return Intl.getCanonicalLocales(language || 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

export function textDirection(language: string): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(language.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
}
