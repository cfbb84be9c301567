import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { SecretBox } from '@lib/crypto';
import type { EventMetadata, StoredEventRecord } from './domain-event';

/** What an event keeps about its subject under the subject's own key. */
export interface PersonalData {
  ip?: string;
  userAgent?: string;
  /** Payload fields the event type declares personal. */
  fields?: Record<string, unknown>;
}

/**
 * Crypto-shredding for the event store: each person's data in event payloads
 * and metadata is sealed with a key of their own, so erasing them means
 * dropping one key. The sealed text stays in the hash chain, which therefore
 * still verifies after erasure.
 */
@Injectable()
export class PersonalDataVault {
  private readonly ipHashKey: Buffer;

  constructor(private readonly box: SecretBox) {
    this.ipHashKey = box.deriveKey('event-store/ip-hash');
  }

  /**
   * A keyed hash of a client IP, stored beside sealed data so that admins can
   * still find and count events by IP. Pseudonymous: it names no one without
   * the server's key.
   */
  ipHash(ip: string): string {
    return createHmac('sha256', this.ipHashKey).update(ip).digest('base64url').slice(0, 22);
  }

  /** Seals `data` for `subjectId`; undefined once the subject has been erased (store nothing). */
  async seal(
    em: EntityManager,
    subjectId: string,
    data: PersonalData,
  ): Promise<string | undefined> {
    const key = await this.keyOf(em, subjectId, { create: true });
    return key && new SecretBox(key).seal(JSON.stringify(data), personalContext(subjectId));
  }

  /** The records with their personal data unsealed, or marked `erased` when the key is gone. */
  async open(em: EntityManager, records: StoredEventRecord[]): Promise<StoredEventRecord[]> {
    const keys = new Map<string, Buffer | undefined>();
    const opened: StoredEventRecord[] = [];
    for (const record of records) {
      const { personal, ...metadata } = record.metadata as SealedMetadata;
      const subject = metadata.subject;
      if (!subject) {
        opened.push(record);
        continue;
      }
      if (!keys.has(subject)) keys.set(subject, await this.keyOf(em, subject, { create: false }));
      const key = keys.get(subject);
      if (!key || !personal) {
        opened.push({ ...record, metadata: { ...metadata, erased: true } });
        continue;
      }
      const data = JSON.parse(
        new SecretBox(key).open(personal, personalContext(subject)),
      ) as PersonalData;
      opened.push({
        ...record,
        payload: { ...record.payload, ...data.fields },
        metadata: { ...metadata, ip: data.ip, userAgent: data.userAgent },
      });
    }
    return opened;
  }

  /** Erases everything sealed for `subjectId`, now and in future appends. Idempotent. */
  async shred(em: EntityManager, subjectId: string): Promise<void> {
    await em.execute(
      `insert into personal_data_keys (subject_id, sealed_key, shredded_at) values (?, null, now())
       on conflict (subject_id) do update set sealed_key = null, shredded_at = coalesce(personal_data_keys.shredded_at, now())`,
      [subjectId],
    );
  }

  private async keyOf(
    em: EntityManager,
    subjectId: string,
    { create }: { create: boolean },
  ): Promise<Buffer | undefined> {
    const select = () =>
      em.execute<{ sealed_key: string | null }[]>(
        'select sealed_key from personal_data_keys where subject_id = ?',
        [subjectId],
      );
    let [row] = await select();
    if (!row && create) {
      // Two appends may race for a new subject's key: whichever insert wins, both read it back.
      await em.execute(
        `insert into personal_data_keys (subject_id, sealed_key) values (?, ?) on conflict (subject_id) do nothing`,
        [subjectId, this.box.seal(randomBytes(32).toString('base64'), keyContext(subjectId))],
      );
      [row] = await select();
    }
    return row?.sealed_key
      ? Buffer.from(this.box.open(row.sealed_key, keyContext(subjectId)), 'base64')
      : undefined;
  }
}

/** Metadata as stored for an event with a data subject. */
type SealedMetadata = EventMetadata & { personal?: string };

/** A subject's sealed key opens only on the subject's own row. */
const keyContext = (subjectId: string) => `personal_data_keys.sealed_key:${subjectId}`;
const personalContext = (subjectId: string) => `event_store.metadata.personal:${subjectId}`;
