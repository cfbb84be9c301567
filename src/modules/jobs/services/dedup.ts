import { createHash } from 'node:crypto';
import { decodeEntities } from '@lib/providers';

/** Dedup window for fingerprint matches (reposts within it merge). */
export const FINGERPRINT_WINDOW_DAYS = 14;
/** MinHash Jaccard estimate at or above which two texts are the same posting. */
export const SIMILARITY_THRESHOLD = 0.8;
const SHINGLE_WORDS = 7;
const HASHES = 64;

const LEGAL_SUFFIX =
  /\b(inc|incorporated|llc|l\.l\.c|ltd|limited|gmbh|ag|se|sa|sas|sarl|bv|b\.v|nv|plc|co|corp|corporation|company|kg|ug|oy|ab|as|spa|srl|pty|pvt|llp)\b\.?/g;

function fold(text: string): string {
  return decodeEntities(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Company name for matching: entities decoded, accents and legal suffixes (Inc, LLC, GmbH, Ltd…) dropped. */
export function companyKey(company: string): string {
  return fold(company)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9\s.]/g, ' ')
    .replace(LEGAL_SUFFIX, ' ')
    .replace(/[.\s]+/g, ' ')
    .trim();
}

/** Title for matching: gender tags like "(m/w/d)", bracketed notes and punctuation dropped. */
export function titleKey(title: string): string {
  return fold(title)
    .replace(/\((?:[mwfdx]\s*[/|,]\s*)+[mwfdx]\)|\b[mwfdx]\/[mwfdx](?:\/[mwfdx])?\b/g, ' ')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\bsr\b\.?/g, 'senior')
    .replace(/\bjr\b\.?/g, 'junior')
    .replace(/[^a-z0-9+#]+/g, ' ')
    .trim();
}

/** Location for matching: "remote" for remote jobs, else the first part (the city), folded. */
export function locationKey(location: string | null | undefined, remote: boolean): string {
  if (remote) return 'remote';
  return fold(location ?? '')
    .split(/[,/|(-]/)[0]
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Dedup step 3: one hash of company + title + location-or-remote. */
export function fingerprint(
  company: string,
  title: string,
  location: string | null | undefined,
  remote: boolean,
): string {
  return createHash('sha256')
    .update(`${companyKey(company)}|${titleKey(title)}|${locationKey(location, remote)}`)
    .digest('hex')
    .slice(0, 32);
}

// Fixed, seeded coefficients for the HASHES permutations (a·x + b mod p).
const PRIME = 4294967311; // > 2^32
const COEFFICIENTS: Array<[number, number]> = (() => {
  let state = 0x9e3779b9;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 16), 0x85ebca6b) + 0x6b43a9b5) >>> 0;
    return state;
  };
  return Array.from(
    { length: HASHES },
    () => [(next() % (PRIME - 1)) + 1, next() % PRIME] as [number, number],
  );
})();

function hash32(text: string): number {
  // FNV-1a
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function mulMod(a: number, x: number): number {
  // (a * x) mod PRIME without losing precision: split x into 16-bit halves.
  const hi = Math.floor(x / 65536);
  const lo = x % 65536;
  return (((a * hi) % PRIME) * 65536 + a * lo) % PRIME;
}

/** Words of a text, folded. */
function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9+#]+/)
    .filter(Boolean);
}

/** MinHash signature over 7-word shingles (shorter texts: one shingle of all their words). */
export function minhash(text: string): number[] {
  const list = words(text);
  const shingles = new Set<number>();
  if (list.length <= SHINGLE_WORDS) shingles.add(hash32(list.join(' ')));
  for (let i = 0; i + SHINGLE_WORDS <= list.length; i++)
    shingles.add(hash32(list.slice(i, i + SHINGLE_WORDS).join(' ')));
  const signature = new Array<number>(HASHES).fill(Number.MAX_SAFE_INTEGER);
  for (const shingle of shingles) {
    for (let k = 0; k < HASHES; k++) {
      const [a, b] = COEFFICIENTS[k];
      const value = (mulMod(a, shingle) + b) % PRIME;
      if (value < signature[k]) signature[k] = value;
    }
  }
  return signature;
}

/** Jaccard estimate of two MinHash signatures (0 when either is missing). */
export function similarity(a: number[], b: number[]): number {
  if (a.length !== HASHES || b.length !== HASHES) return 0;
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same += 1;
  return same / HASHES;
}
