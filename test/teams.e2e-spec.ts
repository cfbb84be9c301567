import { EntityManager } from '@mikro-orm/postgresql';
import { eventually, TestApp } from '@lib/testing';
import { BillingSubscription } from '../src/modules/billing';
import { User } from '../src/modules/identity';
import { TeamInvitation } from '../src/modules/teams';
import { createUser, signIn, signInAsAdmin, type Session } from './support/accounts';
import { deliveredCopy } from './support/dev-mailbox';

const PASSWORD = 'correct-horse-battery';

interface Team {
  id: string;
  name: string;
  ownerId: string;
  role: string;
  frozen: boolean;
  seats?: number;
  seatsTaken?: number;
}
interface Member {
  userId: string;
  role: string;
  frozen: boolean;
}
interface Invitation {
  id: string;
  email: string;
  role: string;
  status: string;
}
interface Outboxed {
  id: string;
  to: string[];
  template: string | null;
  text: string;
}

describe('teams: members, invitations, seats and shared CVs', () => {
  let t: TestApp;
  let admin: string;
  const users: Record<string, Session & { id: string; email: string }> = {};

  beforeAll(async () => {
    t = await TestApp.create();
    admin = (await signInAsAdmin(t)).authorization;
    const people = [
      ['owen', 'premium'],
      ['pia', 'premium'],
      ['mia', 'free'],
      ['ada', 'free'],
      ['zed', 'free'],
      ['sam', 'free'],
      ['tom', 'free'],
      ['uma', 'free'],
    ] as const;
    for (const [name, tier] of people) {
      const email = `${name}@teams.test`;
      const id = await createUser(t, { email, password: PASSWORD, tier });
      users[name] = { ...(await signIn(t, email, PASSWORD)), id, email };
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  const as = (
    who: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.inject({
      method,
      url,
      headers: { authorization: users[who].authorization, ...headers },
      ...(payload ? { payload } : {}),
    });

  /** Deletes `who`'s account, as they would (with their password). */
  const eraseAccount = (who: string) => as(who, 'DELETE', '/v1/me', { password: PASSWORD });

  /** The team's document titles once erasure (a job) has left exactly one. */
  const titlesOnceOneDocumentIsLeft = (teamId: string) =>
    eventually(async () => {
      const response = await as('pia', 'GET', `/v1/teams/${teamId}/documents`);
      const items = response.json<{ items: { title: string }[] }>().items;
      return items.length === 1 && items.map((item) => item.title);
    });

  async function createTeam(who: string, name: string): Promise<Team> {
    const response = await as(who, 'POST', '/v1/teams', { name });
    expect(response.statusCode).toBe(201);
    return response.json<Team>();
  }

  async function invite(who: string, teamId: string, invitee: string, role = 'member') {
    return as(who, 'POST', `/v1/teams/${teamId}/invitations`, {
      email: users[invitee].email,
      role,
    });
  }

  /** The token of the newest invitation mailed to `who` (the stored copy has it redacted). */
  async function invitationToken(who: string, after = new Set<string>()): Promise<string> {
    const mail = await eventually(async () => {
      const response = await t.inject({
        method: 'GET',
        url: `/v1/admin/outbox?to=${encodeURIComponent(users[who].email)}`,
        headers: { authorization: admin },
      });
      return response
        .json<{ items: Outboxed[] }>()
        .items.find((m) => m.template === 'team-invitation' && !after.has(m.id));
    });
    expect(mail.text).not.toMatch(/token=ti_/);
    const { text } = await deliveredCopy(t, mail.id);
    const match = /\/teams\/join\?token=(ti_[A-Za-z0-9_-]+)/.exec(text);
    if (!match) throw new Error(`no invitation link in: ${text}`);
    after.add(mail.id);
    return match[1];
  }

  async function join(who: string, teamId: string, inviter: string, role = 'member') {
    const seen = new Set<string>();
    const invited = await invite(inviter, teamId, who, role);
    expect(invited.statusCode).toBe(201);
    const token = await invitationToken(who, seen);
    const accepted = await as(who, 'POST', '/v1/team-invitations/accept', { token });
    expect(accepted.statusCode).toBe(200);
    return accepted.json<Team>();
  }

  async function newCv(who: string, title: string): Promise<string> {
    const response = await as(who, 'POST', '/v1/cvs', { title });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  }

  const editCv = (who: string, cvId: string, label: string) =>
    as(
      who,
      'PATCH',
      `/v1/cvs/${cvId}`,
      { title: label },
      { 'content-type': 'application/merge-patch+json', 'if-match': '*' },
    );

  it('creates a team (Premium), lists and reads it; other users get 404', async () => {
    const free = await as('zed', 'POST', '/v1/teams', { name: 'Nope' });
    expect(free.statusCode).toBe(403);
    expect(free.json()).toMatchObject({ code: 'plan.upgrade_required', requiredPlan: 'premium' });

    const team = await createTeam('owen', 'ACME Recruiting');
    expect(team).toMatchObject({ name: 'ACME Recruiting', ownerId: users.owen.id, role: 'owner' });
    const listed = await as('owen', 'GET', '/v1/teams');
    expect(listed.json<{ items: Team[] }>().items.map((x) => x.id)).toContain(team.id);
    const read = await as('owen', 'GET', `/v1/teams/${team.id}`);
    expect(read.json<Team>()).toMatchObject({ id: team.id, seats: 3, seatsTaken: 1 });

    for (const [method, url, body] of [
      ['GET', `/v1/teams/${team.id}`],
      ['PATCH', `/v1/teams/${team.id}`, { name: 'Mine' }],
      ['DELETE', `/v1/teams/${team.id}`],
      ['GET', `/v1/teams/${team.id}/members`],
      ['POST', `/v1/teams/${team.id}/invitations`, { email: 'x@teams.test' }],
      ['GET', `/v1/teams/${team.id}/documents`],
    ] as const) {
      const response = await as('zed', method, url, body);
      expect([method, url, response.statusCode]).toEqual([method, url, 404]);
      expect(response.json()).toMatchObject({ code: 'teams.not_found' });
    }
    expect((await as('zed', 'GET', '/v1/teams')).json<{ items: Team[] }>().items).toEqual([]);

    const renamed = await as('owen', 'PATCH', `/v1/teams/${team.id}`, { name: 'ACME Talent' });
    expect(renamed.json<Team>().name).toBe('ACME Talent');
  });

  it('invite → accept → the member edits a shared CV and the version names them; removed → 404 at once', async () => {
    const team = await createTeam('owen', 'CV reviewers');
    const cvId = await newCv('owen', 'Staff engineer');
    // Before anything is shared, the CV is someone else's: 404.
    expect((await as('mia', 'GET', `/v1/cvs/${cvId}`)).statusCode).toBe(404);

    const joined = await join('mia', team.id, 'owen');
    expect(joined).toMatchObject({ id: team.id, role: 'member', frozen: false });

    const shared = await as('owen', 'POST', `/v1/teams/${team.id}/documents`, {
      type: 'cv',
      documentId: cvId,
      permission: 'edit',
    });
    expect(shared.statusCode).toBe(201);
    const documents = await as('mia', 'GET', `/v1/teams/${team.id}/documents`);
    expect(documents.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({ documentId: cvId, title: 'Staff engineer', permission: 'edit' }),
    ]);

    expect((await as('mia', 'GET', `/v1/cvs/${cvId}`)).statusCode).toBe(200);
    const edited = await editCv('mia', cvId, 'Staff engineer (reviewed by Mia)');
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Staff engineer (reviewed by Mia)', version: 2 });
    // Deleting stays the owner's.
    expect((await as('mia', 'DELETE', `/v1/cvs/${cvId}`)).statusCode).toBe(404);

    const versions = await as('owen', 'GET', `/v1/cvs/${cvId}/versions`);
    const [latest, first] = versions.json<{ items: { version: number; actor: unknown }[] }>().items;
    expect(latest).toMatchObject({ version: 2, actor: { type: 'user', id: users.mia.id } });
    expect(first).toMatchObject({ version: 1, actor: { type: 'user', id: users.owen.id } });

    const removed = await as('owen', 'DELETE', `/v1/teams/${team.id}/members/${users.mia.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await as('mia', 'GET', `/v1/cvs/${cvId}`)).statusCode).toBe(404);
    expect((await editCv('mia', cvId, 'again')).statusCode).toBe(404);
    expect((await as('mia', 'GET', `/v1/teams/${team.id}`)).statusCode).toBe(404);
    // The CV itself is untouched by the removal.
    expect((await as('owen', 'GET', `/v1/cvs/${cvId}`)).json()).toMatchObject({ version: 2 });
  });

  it('a view share lets members read, not write', async () => {
    const team = await createTeam('pia', 'Readers');
    const cvId = await newCv('pia', 'Designer');
    await join('sam', team.id, 'pia');
    await as('pia', 'POST', `/v1/teams/${team.id}/documents`, {
      type: 'cv',
      documentId: cvId,
      permission: 'view',
    });
    expect((await as('sam', 'GET', `/v1/cvs/${cvId}`)).statusCode).toBe(200);
    expect((await as('sam', 'GET', `/v1/cvs/${cvId}/versions`)).statusCode).toBe(200);
    expect((await editCv('sam', cvId, 'mine')).statusCode).toBe(404);
    // Members comment on the shared CV; outsiders cannot see the thread.
    const shareId = (await as('sam', 'GET', `/v1/teams/${team.id}/documents`)).json<{
      items: { id: string }[];
    }>().items[0].id;
    const comments = `/v1/teams/${team.id}/documents/${shareId}/comments`;
    const added = await as('sam', 'POST', comments, { body: 'Lead with the migration.' });
    expect(added.statusCode).toBe(201);
    const reply = await as('pia', 'POST', comments, { body: 'Done.' });
    expect(reply.statusCode).toBe(201);
    const thread = await as('pia', 'GET', comments);
    expect(
      thread
        .json<{ items: { body: string; authorId: string }[] }>()
        .items.map((c) => [c.authorId, c.body]),
    ).toEqual([
      [users.sam.id, 'Lead with the migration.'],
      [users.pia.id, 'Done.'],
    ]);
    expect((await as('zed', 'GET', comments)).statusCode).toBe(404);
    // A plain member deletes only their own comment; the owner deletes any.
    const notTheirs = await as('sam', 'DELETE', `${comments}/${reply.json<{ id: string }>().id}`);
    expect(notTheirs.statusCode).toBe(403);
    expect(
      (await as('pia', 'DELETE', `${comments}/${added.json<{ id: string }>().id}`)).statusCode,
    ).toBe(204);
    // Team templates: admins and the owner save layouts, members read them.
    const saved = await as('pia', 'POST', `/v1/teams/${team.id}/templates`, {
      name: 'House style',
      layout: { template: 'modern', theme: { accentColor: '#0a7d5a' } },
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({
      name: 'House style',
      layout: { template: 'modern', theme: { accentColor: '#0a7d5a' } },
    });
    const byMember = await as('sam', 'POST', `/v1/teams/${team.id}/templates`, {
      name: 'Mine',
      layout: {},
    });
    expect(byMember.statusCode).toBe(403);
    const templates = await as('sam', 'GET', `/v1/teams/${team.id}/templates`);
    expect(templates.json<{ items: { name: string }[] }>().items.map((x) => x.name)).toEqual([
      'House style',
    ]);
    // A member cannot share someone else's CV.
    const foreign = await as('sam', 'POST', `/v1/teams/${team.id}/documents`, {
      type: 'cv',
      documentId: cvId,
      permission: 'edit',
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'teams.document_not_found' });
  });

  it('applies the role rules: members cannot invite, admins cannot delete the team, the owner cannot leave', async () => {
    const team = await createTeam('owen', 'Roles');
    await join('ada', team.id, 'owen', 'admin');
    await join('mia', team.id, 'ada');

    const byMember = await invite('mia', team.id, 'zed');
    expect(byMember.statusCode).toBe(403);
    expect(byMember.json()).toMatchObject({ code: 'teams.role_required', requiredRole: 'admin' });

    const deleteByAdmin = await as('ada', 'DELETE', `/v1/teams/${team.id}`);
    expect(deleteByAdmin.statusCode).toBe(403);
    expect(deleteByAdmin.json()).toMatchObject({
      code: 'teams.role_required',
      requiredRole: 'owner',
    });
    const ownerByAdmin = await as('ada', 'DELETE', `/v1/teams/${team.id}/members/${users.owen.id}`);
    expect(ownerByAdmin.statusCode).toBe(403);

    const ownerLeaves = await as('owen', 'POST', `/v1/teams/${team.id}/leave`);
    expect(ownerLeaves.statusCode).toBe(409);
    expect(ownerLeaves.json()).toMatchObject({ code: 'teams.last_owner' });

    const leaves = await as('mia', 'POST', `/v1/teams/${team.id}/leave`);
    expect(leaves.statusCode).toBe(204);
    expect((await as('mia', 'GET', `/v1/teams/${team.id}`)).statusCode).toBe(404);

    // After a transfer the former owner is an admin and may leave.
    const transferred = await as('owen', 'POST', `/v1/teams/${team.id}/transfer`, {
      userId: users.ada.id,
    });
    expect(transferred.statusCode).toBe(200);
    expect(transferred.json()).toMatchObject({ ownerId: users.ada.id, role: 'admin' });
    const members = await as('ada', 'GET', `/v1/teams/${team.id}/members`);
    expect(members.json<{ items: Member[] }>().items.map((m) => [m.userId, m.role])).toEqual([
      [users.owen.id, 'admin'],
      [users.ada.id, 'owner'],
    ]);
    expect((await as('owen', 'POST', `/v1/teams/${team.id}/leave`)).statusCode).toBe(204);

    const deleted = await as('ada', 'DELETE', `/v1/teams/${team.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await as('ada', 'GET', `/v1/teams/${team.id}`)).statusCode).toBe(404);
  });

  it('refuses tampered, revoked, resent-over, expired and someone else’s invitation tokens', async () => {
    const team = await createTeam('pia', 'Tokens');
    const seen = new Set<string>();
    const first = await invite('pia', team.id, 'tom');
    expect(first.statusCode).toBe(201);
    const invitation = first.json<Invitation>();
    const oldToken = await invitationToken('tom', seen);

    const tampered = await as('tom', 'POST', '/v1/team-invitations/accept', {
      token: `${oldToken.slice(0, -2)}xx`,
    });
    expect(tampered.statusCode).toBe(404);
    expect(tampered.json()).toMatchObject({ code: 'teams.invitation_invalid' });

    const wrongPerson = await as('zed', 'POST', '/v1/team-invitations/accept', { token: oldToken });
    expect(wrongPerson.statusCode).toBe(403);
    expect(wrongPerson.json()).toMatchObject({ code: 'teams.invitation_email_mismatch' });

    const resent = await as(
      'pia',
      'POST',
      `/v1/teams/${team.id}/invitations/${invitation.id}/resend`,
    );
    expect(resent.statusCode).toBe(200);
    const newToken = await invitationToken('tom', seen);
    expect(newToken).not.toBe(oldToken);
    const stale = await as('tom', 'POST', '/v1/team-invitations/accept', { token: oldToken });
    expect(stale.json()).toMatchObject({ code: 'teams.invitation_invalid' });

    await t
      .get(EntityManager)
      .fork()
      .nativeUpdate(
        TeamInvitation,
        { id: invitation.id },
        { expiresAt: new Date(Date.now() - 1000) },
      );
    const expired = await as('tom', 'POST', '/v1/team-invitations/accept', { token: newToken });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ code: 'teams.invitation_expired' });
    const listed = await as('pia', 'GET', `/v1/teams/${team.id}/invitations`);
    expect(listed.json<{ items: Invitation[] }>().items[0]).toMatchObject({ status: 'expired' });

    // An expired invitation no longer holds a seat or blocks a new one; revoking kills the link.
    const again = await invite('pia', team.id, 'tom');
    expect(again.statusCode).toBe(201);
    const revokedToken = await invitationToken('tom', seen);
    const revoked = await as(
      'pia',
      'DELETE',
      `/v1/teams/${team.id}/invitations/${again.json<Invitation>().id}`,
    );
    expect(revoked.statusCode).toBe(204);
    const afterRevoke = await as('tom', 'POST', '/v1/team-invitations/accept', {
      token: revokedToken,
    });
    expect(afterRevoke.statusCode).toBe(404);
    expect(afterRevoke.json()).toMatchObject({ code: 'teams.invitation_invalid' });

    // Declining works once; the link is then used up.
    await invite('pia', team.id, 'tom');
    const declineToken = await invitationToken('tom', seen);
    expect(
      (await as('tom', 'POST', '/v1/team-invitations/decline', { token: declineToken })).statusCode,
    ).toBe(204);
    expect(
      (await as('tom', 'POST', '/v1/team-invitations/accept', { token: declineToken })).statusCode,
    ).toBe(404);
    expect((await as('tom', 'GET', `/v1/teams/${team.id}`)).statusCode).toBe(404);
  });

  it('seats: invitations past the seat count are refused; a downgrade freezes the latest members without deleting anything', async () => {
    const team = await createTeam('owen', 'Seats');
    const cvId = await newCv('owen', 'Seated CV');
    await as('owen', 'POST', `/v1/teams/${team.id}/documents`, {
      type: 'cv',
      documentId: cvId,
      permission: 'edit',
    });
    // Premium without a subscription of ours: 3 seats (owner + 2).
    await join('sam', team.id, 'owen');
    expect((await invite('owen', team.id, 'uma')).statusCode).toBe(201);
    const full = await invite('owen', team.id, 'zed');
    expect(full.statusCode).toBe(403);
    expect(full.json()).toMatchObject({
      code: 'teams.seat_limit_reached',
      seats: 3,
      seatsTaken: 3,
    });
    const umaToken = await invitationToken('uma');
    expect(
      (await as('uma', 'POST', '/v1/team-invitations/accept', { token: umaToken })).statusCode,
    ).toBe(200);

    // The owner's subscription now carries 2 seats: Uma, who joined last, is frozen.
    const em = t.get(EntityManager).fork();
    em.create(BillingSubscription, {
      id: 'sub_seats_test',
      userId: users.owen.id,
      customerId: 'cus_seats_test',
      status: 'active',
      plan: 'premium',
      seats: 2,
      amountCents: 4999,
      cancelAtPeriodEnd: false,
      syncSeq: '1',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    await em.flush();

    const frozenOf = async () =>
      Object.fromEntries(
        (await as('owen', 'GET', `/v1/teams/${team.id}/members`))
          .json<{ items: Member[] }>()
          .items.map((m) => [m.userId, m.frozen]),
      );
    expect(await frozenOf()).toEqual({
      [users.owen.id]: false,
      [users.sam.id]: false,
      [users.uma.id]: true,
    });
    // Frozen: reads allowed, writes refused.
    expect((await as('uma', 'GET', `/v1/teams/${team.id}`)).json()).toMatchObject({ frozen: true });
    expect((await as('uma', 'GET', `/v1/cvs/${cvId}`)).statusCode).toBe(200);
    expect((await editCv('uma', cvId, 'frozen edit')).statusCode).toBe(404);
    const umaCv = await newCv('uma', 'Uma CV');
    const frozenShare = await as('uma', 'POST', `/v1/teams/${team.id}/documents`, {
      type: 'cv',
      documentId: umaCv,
      permission: 'view',
    });
    expect(frozenShare.statusCode).toBe(403);
    expect(frozenShare.json()).toMatchObject({ code: 'teams.member_frozen', seats: 2 });
    expect((await editCv('sam', cvId, 'Sam still edits')).statusCode).toBe(200);

    // The plan lost: only the owner's seat is left; everyone else is frozen, nothing deleted.
    await em.nativeUpdate(User, { id: users.owen.id }, { tier: 'free' });
    expect(await frozenOf()).toEqual({
      [users.owen.id]: false,
      [users.sam.id]: true,
      [users.uma.id]: true,
    });
    expect((await editCv('sam', cvId, 'no')).statusCode).toBe(404);
    const noPlan = await invite('owen', team.id, 'zed');
    expect(noPlan.statusCode).toBe(403);
    expect(noPlan.json()).toMatchObject({
      code: 'teams.seat_limit_reached',
      requiredPlan: 'premium',
    });
    expect(
      (await as('sam', 'GET', `/v1/teams/${team.id}/documents`)).json<{ items: unknown[] }>().items,
    ).toHaveLength(1);

    // Seats return: everyone is unfrozen and edits again.
    await em.nativeUpdate(User, { id: users.owen.id }, { tier: 'premium' });
    await em.nativeUpdate(BillingSubscription, { id: 'sub_seats_test' }, { seats: 5 });
    expect(Object.values(await frozenOf())).toEqual([false, false, false]);
    expect((await editCv('uma', cvId, 'Uma edits again')).statusCode).toBe(200);
  });

  it('seats follow the owner’s subscription quantity: PATCH /v1/teams/{id}/seats through the billing port (local driver)', async () => {
    const email = 'buyer@teams.test';
    const id = await createUser(t, { email, password: PASSWORD });
    users.buyer = { ...(await signIn(t, email, PASSWORD)), id, email };
    const checkout = await as('buyer', 'POST', '/v1/billing/checkout', { plan: 'premium' });
    expect(checkout.statusCode).toBe(201);
    const path = new URL(checkout.json<{ url: string }>().url).pathname;
    expect((await t.inject({ method: 'POST', url: `${path}/confirm` })).statusCode).toBe(303);
    await eventually(async () => {
      const me = await as('buyer', 'GET', '/v1/me');
      return me.json<{ tier: string }>().tier === 'premium';
    });
    // Re-sign in: the access token carries the tier.
    users.buyer = { ...(await signIn(t, email, PASSWORD)), id, email };

    const team = await createTeam('buyer', 'Bought seats');
    // The checkout sold one seat: the owner's.
    expect((await as('buyer', 'GET', `/v1/teams/${team.id}`)).json()).toMatchObject({ seats: 1 });
    const refused = await invite('buyer', team.id, 'tom');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'teams.seat_limit_reached', seats: 1 });

    const byMember = await as('tom', 'PATCH', `/v1/teams/${team.id}/seats`, { seats: 9 });
    expect(byMember.statusCode).toBe(404);
    const more = await as('buyer', 'PATCH', `/v1/teams/${team.id}/seats`, { seats: 3 });
    expect(more.statusCode).toBe(200);
    expect(more.json()).toMatchObject({ seats: 3, seatsTaken: 1 });
    await join('tom', team.id, 'buyer');
    await join('uma', team.id, 'buyer');

    const fewer = await as('buyer', 'PATCH', `/v1/teams/${team.id}/seats`, { seats: 2 });
    expect(fewer.json()).toMatchObject({ seats: 2, seatsTaken: 3 });
    const members = await as('buyer', 'GET', `/v1/teams/${team.id}/members`);
    expect(members.json<{ items: Member[] }>().items.map((m) => [m.userId, m.frozen])).toEqual([
      [users.buyer.id, false],
      [users.tom.id, false],
      [users.uma.id, true],
    ]);
    const audit = await as('buyer', 'GET', `/v1/teams/${team.id}/audit`);
    expect(audit.statusCode).toBe(200);
    const types = audit.json<{ items: { type: string }[] }>().items.map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['teams.seats_changed', 'teams.member_joined']);
    expect(types.every((type) => type.startsWith('teams.'))).toBe(true);
    const memberAudit = await as('tom', 'GET', `/v1/teams/${team.id}/audit`);
    expect(memberAudit.statusCode).toBe(403);
    expect(memberAudit.json()).toMatchObject({
      code: 'teams.role_required',
      requiredRole: 'admin',
    });
  });

  it('erasure: a deleted member’s shared CVs go with the account unless handed to the team', async () => {
    const email = 'leaver@teams.test';
    const id = await createUser(t, { email, password: PASSWORD });
    users.leaver = { ...(await signIn(t, email, PASSWORD)), id, email };
    const team = await createTeam('pia', 'Keepers');
    await join('leaver', team.id, 'pia');
    const kept = await newCv('leaver', 'Handed over');
    const gone = await newCv('leaver', 'Only shared');
    const shareOf = async (cvId: string) => {
      const response = await as('leaver', 'POST', `/v1/teams/${team.id}/documents`, {
        type: 'cv',
        documentId: cvId,
        permission: 'edit',
      });
      expect(response.statusCode).toBe(201);
      return response.json<{ id: string }>().id;
    };
    const keptShare = await shareOf(kept);
    await shareOf(gone);

    const byOwner = await as('pia', 'POST', `/v1/teams/${team.id}/documents/${keptShare}/transfer`);
    expect(byOwner.statusCode).toBe(404);
    const transferred = await as(
      'leaver',
      'POST',
      `/v1/teams/${team.id}/documents/${keptShare}/transfer`,
    );
    expect(transferred.statusCode).toBe(200);
    expect(transferred.json()).toMatchObject({ documentId: kept, sharedBy: users.pia.id });
    // The team's owner now owns it; the member still edits it through the share.
    expect((await editCv('leaver', kept, 'Handed over (edited)')).statusCode).toBe(200);

    const deleted = await eraseAccount('leaver');
    expect(deleted.statusCode).toBe(204);

    const titles = await titlesOnceOneDocumentIsLeft(team.id);
    expect(titles).toEqual(['Handed over (edited)']);
    expect((await as('pia', 'GET', `/v1/cvs/${kept}`)).statusCode).toBe(200);
    const members = await eventually(async () => {
      const list = (await as('pia', 'GET', `/v1/teams/${team.id}/members`)).json<{
        items: Member[];
      }>().items;
      return list.length === 1 && list;
    });
    expect(members.map((m) => m.userId)).toEqual([users.pia.id]);
  });

  it('erasure after a hand-over: the team still lists, reads and restores every version', async () => {
    const email = 'handover@teams.test';
    const id = await createUser(t, { email, password: PASSWORD });
    users.handover = { ...(await signIn(t, email, PASSWORD)), id, email };
    const team = await createTeam('pia', 'History keepers');
    await join('handover', team.id, 'pia');
    const cvId = await newCv('handover', 'Draft 1');
    expect((await editCv('handover', cvId, 'Draft 2')).statusCode).toBe(200);
    const share = await as('handover', 'POST', `/v1/teams/${team.id}/documents`, {
      type: 'cv',
      documentId: cvId,
      permission: 'edit',
    });
    expect(share.statusCode).toBe(201);
    const shareId = share.json<{ id: string }>().id;
    const handed = await as(
      'handover',
      'POST',
      `/v1/teams/${team.id}/documents/${shareId}/transfer`,
    );
    expect(handed.statusCode).toBe(200);
    // Edited after the hand-over by the former owner, then by the new one.
    expect((await editCv('handover', cvId, 'Draft 3')).statusCode).toBe(200);
    expect((await editCv('pia', cvId, 'Draft 4')).statusCode).toBe(200);

    const deleted = await eraseAccount('handover');
    expect(deleted.statusCode).toBe(204);
    await eventually(async () => {
      const list = (await as('pia', 'GET', `/v1/teams/${team.id}/members`)).json<{
        items: Member[];
      }>().items;
      return list.every((m) => m.userId !== id);
    });

    const listed = await as('pia', 'GET', `/v1/cvs/${cvId}/versions?limit=2`);
    expect(listed.statusCode).toBe(200);
    const firstPage = listed.json<{
      items: { version: number; summary: string }[];
      nextCursor: string;
    }>();
    const rest = await as(
      'pia',
      'GET',
      `/v1/cvs/${cvId}/versions?limit=10&cursor=${encodeURIComponent(firstPage.nextCursor)}`,
    );
    const all = [...firstPage.items, ...rest.json<{ items: typeof firstPage.items }>().items];
    expect(all.map((v) => v.version)).toEqual([4, 3, 2, 1]);
    expect(all.map((v) => v.summary)).toEqual([
      'Changed title',
      'Changed title',
      'Changed title',
      'Created',
    ]);
    for (const [n, title] of [
      [1, 'Draft 1'],
      [2, 'Draft 2'],
      [3, 'Draft 3'],
    ] as const) {
      const version = await as('pia', 'GET', `/v1/cvs/${cvId}/versions/${n}`);
      expect(version.statusCode).toBe(200);
      expect(version.json()).toMatchObject({ version: n, title });
    }
    const diff = await as('pia', 'GET', `/v1/cvs/${cvId}/diff?from=1&to=4`);
    expect(diff.statusCode).toBe(200);
    const restored = await as('pia', 'POST', `/v1/cvs/${cvId}/versions/1/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ title: 'Draft 1', version: 5 });
  });

  it('cover letters: members read a shared letter, edit it with `edit` (recorded), and a handed-over one stays with the team', async () => {
    const email = 'letters@teams.test';
    const id = await createUser(t, { email, password: PASSWORD, tier: 'pro' });
    users.letters = { ...(await signIn(t, email, PASSWORD)), id, email };
    const team = await createTeam('pia', 'Letter readers');
    await join('letters', team.id, 'pia');
    await join('uma', team.id, 'pia');
    const cvId = await newCv('letters', 'Letters CV');
    const newLetter = async (title: string) => {
      const response = await as('letters', 'POST', '/v1/cover-letters', {
        cvId,
        jobDescription: 'We are looking for a backend engineer with Node.js and PostgreSQL.',
        tone: 'professional',
        title,
      });
      expect(response.statusCode).toBe(201);
      return response.json<{ id: string }>().id;
    };
    const kept = await newLetter('Kept letter');
    const gone = await newLetter('Only shared letter');
    const shareOf = async (documentId: string, permission: string) => {
      const response = await as('letters', 'POST', `/v1/teams/${team.id}/documents`, {
        type: 'cover_letter',
        documentId,
        permission,
      });
      expect(response.statusCode).toBe(201);
      return response.json<{ id: string }>().id;
    };
    const keptShare = await shareOf(kept, 'edit');
    await shareOf(gone, 'view');

    // Not a member: 404, like a letter that does not exist.
    expect((await as('zed', 'GET', `/v1/cover-letters/${kept}`)).statusCode).toBe(404);
    expect((await as('uma', 'GET', `/v1/cover-letters/${gone}`)).statusCode).toBe(200);
    const editLetter = (who: string, letterId: string, title: string) =>
      as(who, 'PATCH', `/v1/cover-letters/${letterId}`, { title });
    expect((await editLetter('uma', gone, 'Viewers cannot')).statusCode).toBe(404);
    const edited = await editLetter('uma', kept, 'Kept letter (Uma)');
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Kept letter (Uma)',
      version: 2,
      updatedBy: users.uma.id,
    });
    expect((await as('uma', 'DELETE', `/v1/cover-letters/${kept}`)).statusCode).toBe(404);
    expect((await editLetter('zed', kept, 'Strangers cannot')).statusCode).toBe(404);

    const handed = await as(
      'letters',
      'POST',
      `/v1/teams/${team.id}/documents/${keptShare}/transfer`,
    );
    expect(handed.statusCode).toBe(200);
    expect(handed.json()).toMatchObject({
      type: 'cover_letter',
      documentId: kept,
      title: 'Kept letter (Uma)',
      sharedBy: users.pia.id,
    });
    // The former owner still edits it through the share.
    const byFormer = await editLetter('letters', kept, 'Kept letter (final)');
    expect(byFormer.json()).toMatchObject({ version: 3, updatedBy: id });

    const deleted = await eraseAccount('letters');
    expect(deleted.statusCode).toBe(204);
    const titles = await titlesOnceOneDocumentIsLeft(team.id);
    expect(titles).toEqual(['Kept letter (final)']);
    expect((await as('pia', 'GET', `/v1/cover-letters/${kept}`)).statusCode).toBe(200);
    expect((await as('uma', 'GET', `/v1/cover-letters/${kept}`)).statusCode).toBe(200);
    expect((await as('pia', 'GET', `/v1/cover-letters/${gone}`)).statusCode).toBe(404);
  });

  it('a hand-over respects the CV quota of the team’s owner, who owns the CV afterwards', async () => {
    const email = 'full-owner@teams.test';
    const ownerId = await createUser(t, { email, password: PASSWORD, tier: 'premium' });
    users.fullOwner = { ...(await signIn(t, email, PASSWORD)), id: ownerId, email };
    const team = await createTeam('fullOwner', 'Full house');
    await join('tom', team.id, 'fullOwner');
    const cvId = await newCv('tom', 'Tom’s CV');
    const share = await as('tom', 'POST', `/v1/teams/${team.id}/documents`, {
      type: 'cv',
      documentId: cvId,
      permission: 'edit',
    });
    expect(share.statusCode).toBe(201);
    const shareId = share.json<{ id: string }>().id;
    // The owner's plan (Premium: 100 CVs) is full.
    await t
      .get(EntityManager)
      .fork()
      .execute(
        `insert into cvs (id, owner_id, title, document, layout, version, created_at, updated_at)
         select gen_random_uuid(), ?, 'Filler ' || n, '{}', '{}', 1, now(), now()
           from generate_series(1, 100) as n`,
        [ownerId],
      );
    const refused = await as('tom', 'POST', `/v1/teams/${team.id}/documents/${shareId}/transfer`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'teams.owner_quota_exceeded',
      quota: 'cvs',
      limit: 100,
    });
    // Nothing changed: Tom still owns the CV and the share still names him.
    expect((await as('tom', 'DELETE', `/v1/cvs/${cvId}`)).statusCode).toBe(204);
    expect((await as('fullOwner', 'GET', `/v1/cvs/${cvId}`)).statusCode).toBe(404);

    // With room again, the hand-over goes through.
    await t
      .get(EntityManager)
      .fork()
      .execute(`delete from cvs where owner_id = ? and title = 'Filler 1'`, [ownerId]);
    const other = await newCv('tom', 'Tom’s second CV');
    const otherShare = await as('tom', 'POST', `/v1/teams/${team.id}/documents`, {
      type: 'cv',
      documentId: other,
      permission: 'edit',
    });
    const handed = await as(
      'tom',
      'POST',
      `/v1/teams/${team.id}/documents/${otherShare.json<{ id: string }>().id}/transfer`,
    );
    expect(handed.statusCode).toBe(200);
    expect((await as('fullOwner', 'GET', `/v1/cvs/${other}`)).statusCode).toBe(200);
  });

  it('pages members (join order), documents and templates (newest first) with limit and nextCursor', async () => {
    const team = await createTeam('pia', 'Paged');
    await join('sam', team.id, 'pia');
    await join('tom', team.id, 'pia');
    for (const title of ['Paged 1', 'Paged 2', 'Paged 3']) {
      const shared = await as('pia', 'POST', `/v1/teams/${team.id}/documents`, {
        type: 'cv',
        documentId: await newCv('pia', title),
        permission: 'view',
      });
      expect(shared.statusCode).toBe(201);
    }
    for (const name of ['Style 1', 'Style 2', 'Style 3']) {
      const saved = await as('pia', 'POST', `/v1/teams/${team.id}/templates`, {
        name,
        layout: {},
      });
      expect(saved.statusCode).toBe(201);
    }
    /** Every page of a list at `limit` 2, as the items' `key`s per page. */
    const pages = async (path: string, key: string) => {
      const seen: unknown[][] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const response = await as('tom', 'GET', `/v1/teams/${team.id}/${path}?limit=2${query}`);
        expect(response.statusCode).toBe(200);
        const page = response.json<{
          items: Record<string, unknown>[];
          nextCursor: string | null;
        }>();
        seen.push(page.items.map((item) => item[key]));
        cursor = page.nextCursor;
      } while (cursor && seen.length < 5);
      return seen;
    };
    expect(await pages('members', 'userId')).toEqual([
      [users.pia.id, users.sam.id],
      [users.tom.id],
    ]);
    expect(await pages('documents', 'title')).toEqual([['Paged 3', 'Paged 2'], ['Paged 1']]);
    expect(await pages('templates', 'name')).toEqual([['Style 3', 'Style 2'], ['Style 1']]);
    for (const path of ['members', 'documents', 'templates']) {
      for (const query of ['limit=0', 'limit=101', 'cursor=not-a-cursor']) {
        const response = await as('tom', 'GET', `/v1/teams/${team.id}/${path}?${query}`);
        expect(response.statusCode).toBe(400);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    }
  });

  it('replays POST /v1/teams with the same Idempotency-Key; API keys need teams:read / teams:write', async () => {
    const headers = { 'idempotency-key': 'team-create-1' };
    const first = await as('pia', 'POST', '/v1/teams', { name: 'Once' }, headers);
    const second = await as('pia', 'POST', '/v1/teams', { name: 'Once' }, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json<Team>().id).toBe(first.json<Team>().id);
    const other = await as('pia', 'POST', '/v1/teams', { name: 'Twice' }, headers);
    expect(other.statusCode).toBe(422);

    const key = await as('pia', 'POST', '/v1/me/api-keys', { name: 'ro', scopes: ['teams:read'] });
    expect(key.statusCode).toBe(201);
    const secret = key.json<{ secret: string }>().secret;
    const read = await t.inject({
      method: 'GET',
      url: '/v1/teams',
      headers: { 'x-api-key': secret },
    });
    expect(read.statusCode).toBe(200);
    const write = await t.inject({
      method: 'POST',
      url: '/v1/teams',
      headers: { 'x-api-key': secret },
      payload: { name: 'By key' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({
      code: 'auth.scope_required',
      requiredScope: 'teams:write',
    });
  });
});
