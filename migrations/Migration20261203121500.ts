import { Migration } from '@mikro-orm/migrations';

/**
 * The newsletter preference of signed-in users became the subscription of their
 * address (see `user-newsletter-subscription.ts`): users who chose the newsletter
 * before get their verified address subscribed to every topic; for unverified
 * addresses the choice is cleared, since nothing would be sent to them.
 */
export class Migration20261203121500 extends Migration {
  override up(): void {
    this.addSql(`
      insert into newsletter_subscribers (id, email, status, topics, requested_topics, created_at, confirmed_at)
      select gen_random_uuid(), lower(trim(u.email)), 'confirmed',
             '["product-news", "career-tips", "job-market"]'::jsonb, '[]'::jsonb, now(), now()
        from notification_preferences p join users u on u.id = p.user_id
       where p.channels -> 'newsletter' ->> 'email' = 'true' and u.email_verified_at is not null
      on conflict (email) do update
         set status = 'confirmed', topics = excluded.topics, confirmed_at = excluded.confirmed_at
       where newsletter_subscribers.status <> 'confirmed';`);
    this.addSql(`
      update notification_preferences p set channels = p.channels #- '{newsletter,email}'
        from users u
       where u.id = p.user_id and u.email_verified_at is null
         and p.channels -> 'newsletter' ->> 'email' = 'true';`);
  }

  override down(): void {
    // Subscriptions made here are indistinguishable from later ones; nothing to undo safely.
  }
}
