import type { EntityManager } from '@mikro-orm/postgresql';
import type { SocialPostVariantDto, SocialPostVariantsDto } from '../dto/social-post.dto';
import type { PostVariant } from '../entities/social-post.entity';
import { resolveMedia } from './post-media';

/** Variants as stored: only the networks given, media resolved through the files module. */
export async function resolveVariants(
  em: EntityManager,
  userId: string,
  variants: SocialPostVariantsDto | undefined,
): Promise<Record<string, PostVariant>> {
  const out: Record<string, PostVariant> = {};
  for (const [network, variant] of Object.entries(variants ?? {}) as Array<
    [string, SocialPostVariantDto | undefined]
  >) {
    if (!variant) continue;
    out[network] = {
      ...(variant.text !== undefined ? { text: variant.text } : {}),
      ...(variant.media ? { media: await resolveMedia(em, userId, variant.media) } : {}),
    };
  }
  return out;
}

/** A date the client sent; scheduled times in the past mean "now". */
export function scheduleTime(value: string): Date {
  const at = new Date(value);
  return at.getTime() < Date.now() ? new Date() : at;
}
