import { wrap, type EntityName, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DiscoveryService } from '@nestjs/core';

/** One file of a user's data export, at `path` inside the exporter's folder. */
export interface UserDataFile {
  path: string;
  content: Buffer | string;
}

/**
 * What a module gives to a user's data export (GDPR access request): everything it
 * holds about the user, and nothing of anyone else, never a secret, hash or token.
 * A module registers one as a provider marked `@ExportsUserData()`; the data-export
 * module finds them all by discovery.
 */
export interface UserDataExporter {
  /** The folder of the module's files in the ZIP (e.g. `cv`). */
  readonly name: string;
  export(userId: string, em: EntityManager): Promise<UserDataFile[]>;
}

/** Marks a provider as a `UserDataExporter`. */
export const ExportsUserData = DiscoveryService.createDecorator<void>();

/**
 * Names of stored fields that are never exported, whatever the entity (defence in depth
 * next to each exporter's own choice of fields): secrets, hashes, tokens, sealed values.
 */
const NEVER_EXPORTED = /hash|secret|cipher|sealed|password|token$|^keys$|^p256dh$|^auth$/i;

/** Entities as plain JSON objects: hidden properties and secret-looking fields left out. */
export function exportedRows(entities: object[]): Record<string, unknown>[] {
  return entities.map((entity) => {
    const plain = wrap(entity).toObject() as Record<string, unknown>;
    return Object.fromEntries(Object.entries(plain).filter(([key]) => !NEVER_EXPORTED.test(key)));
  });
}

/** A pretty-printed JSON file. */
export function jsonFile(path: string, data: unknown): UserDataFile {
  return { path, content: `${JSON.stringify(data, null, 2)}\n` };
}

/** The rows of `entity` matching `where` (the user's), as one JSON file. */
export async function rowsFile<T extends object>(
  em: EntityManager,
  path: string,
  entity: EntityName<T>,
  where: FilterQuery<T>,
): Promise<UserDataFile> {
  return jsonFile(path, exportedRows(await em.find(entity, where)));
}

/** The user's current email address (for data kept by address: mail, newsletter, suppressions). */
export async function emailOf(em: EntityManager, userId: string): Promise<string | undefined> {
  const [row] = await em.execute<{ email: string }[]>('select email from users where id = ?', [
    userId,
  ]);
  return row?.email.trim().toLowerCase();
}
