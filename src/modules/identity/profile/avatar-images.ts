/** One stored rendition of an avatar (a square crop). */
export interface AvatarObject {
  key: string;
  mimeType: string;
  width?: number;
  height?: number;
}

/** Sizes (px, square) and formats every avatar has. */
export const AVATAR_SIZES = [256, 1024] as const;
export const AVATAR_FORMATS = ['webp', 'jpeg'] as const;
export type AvatarSize = (typeof AVATAR_SIZES)[number];
export type AvatarFormat = (typeof AVATAR_FORMATS)[number];

/** What the account keeps of the upload it uses as avatar: where its square renditions are. */
export interface UserAvatar {
  fileId: string;
  bucket: string;
  /** By `avatar{size}-{format}`, e.g. `avatar256-webp`. */
  objects: Record<string, AvatarObject>;
}

export const avatarObjectName = (size: AvatarSize, format: AvatarFormat) =>
  `avatar${size}-${format}`;

/**
 * The images avatars come from, implemented by the files module (identity
 * cannot depend on files: files already depends on identity). Provided
 * globally under AVATAR_IMAGES.
 */
export interface AvatarImages {
  /**
   * The user's processed `profile-image` upload as an avatar. Throws the
   * problem to answer: 404 when it is no file of this user, 409 while it is
   * still being scanned or processed, 422 when it was rejected (infected,
   * unreadable) or is no profile image.
   */
  resolve(userId: string, fileId: string): Promise<UserAvatar>;
  /** Where clients read an avatar object: its permanent public URL (CDN_URL when set). */
  url(avatar: UserAvatar, key: string): string;
}

export const AVATAR_IMAGES = Symbol('AVATAR_IMAGES');
