import type { Projection, RecordedEvent } from '@cs/eventstore';
import { inRounds, type OrmTx } from '@cs/nest-common';

interface ProfileData {
  memberId: string;
  storeId: string;
  gender?: string;
  birthDate?: string;
  fields?: { gender?: string; birthDate?: string };
  birthYearMonth?: string;
}

/** A birth date read after its member's key was deleted is a placeholder, not a date. */
const asDate = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

/** How each member event moves the review status the birthday run asks about. */
const REVIEW_STATUS: Record<string, string> = {
  MemberApplicationSubmitted: 'pending_review',
  MemberApplicationSupplemented: 'pending_review',
  MemberSupplementRequested: 'needs_supplement',
  MemberApproved: 'active',
};

interface ProfileFacts {
  memberId: string;
  storeId: string;
  gender: string | null;
  birthDate: string | null;
  reviewStatus: string;
  version: number;
}

function factsOf(recorded: RecordedEvent): ProfileFacts {
  const d = recorded.data as unknown as ProfileData;
  const birthDate = asDate(d.fields ? d.fields.birthDate : d.birthDate) ?? null;
  return { memberId: d.memberId, storeId: d.storeId, gender: (d.fields ? d.fields.gender : d.gender) ?? null, birthDate, reviewStatus: REVIEW_STATUS[recorded.type], version: recorded.streamVersion };
}

/** Each row moves only forward (its member's stream version), so a replay changes nothing. */
async function upsertFacts(rows: readonly ProfileFacts[], tx: OrmTx): Promise<void> {
  const column = <K extends keyof ProfileFacts>(key: K) => rows.map((r) => r[key]);
  await tx.query(
    `insert into loyalty_member_profile_v1 (member_id, store_id, gender, birth_date, birth_month, review_status, version)
     select member_id, store_id, gender, birth_date, to_char(birth_date, 'MM'), review_status, version
       from unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::int[])
         as f(member_id, store_id, gender, birth_date, review_status, version)
     on conflict (member_id) do update set
       gender = coalesce(excluded.gender, loyalty_member_profile_v1.gender),
       birth_date = coalesce(excluded.birth_date, loyalty_member_profile_v1.birth_date),
       birth_month = coalesce(excluded.birth_month, loyalty_member_profile_v1.birth_month),
       review_status = excluded.review_status,
       version = excluded.version
     where loyalty_member_profile_v1.version < excluded.version`,
    [column('memberId'), column('storeId'), column('gender'), column('birthDate'), column('reviewStatus'), column('version')],
  );
}

/** A closed member keeps no birth date: only gender and birth year-month, for the analyses. */
async function closeProfiles(events: readonly RecordedEvent[], tx: OrmTx): Promise<void> {
  const data = events.map((e) => e.data as unknown as ProfileData);
  await tx.query(
    `update loyalty_member_profile_v1 p
        set birth_year_month = coalesce(c.birth_year_month, to_char(p.birth_date, 'YYYY-MM')), gender = coalesce(c.gender, p.gender),
            birth_date = null, birth_month = null, review_status = 'closed', version = c.version
       from unnest($1::text[], $2::text[], $3::text[], $4::int[]) as c(member_id, birth_year_month, gender, version)
      where p.member_id = c.member_id and p.version < c.version`,
    [data.map((d) => d.memberId), data.map((d) => d.birthYearMonth ?? null), data.map((d) => d.gender ?? null), events.map((e) => e.streamVersion)],
  );
}

/**
 * Gender and birth date only (the age analysis and the birthday run), plus whether the record
 * still needs a supplement; never the name, mobile or address.
 */
export const memberProfileFactsProjection: Projection<OrmTx> = {
  id: 'projection:loyalty-member-profile:v1',
  handles: [...Object.keys(REVIEW_STATUS), 'MemberClosed'],
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    // one statement per round (a member at most once in each), not one per event
    for (const round of inRounds(events, (e) => (e.data as unknown as ProfileData).memberId)) {
      const closed = round.filter((e) => e.type === 'MemberClosed');
      const facts = round.filter((e) => e.type !== 'MemberClosed').map(factsOf);
      if (facts.length) await upsertFacts(facts, tx);
      if (closed.length) await closeProfiles(closed, tx);
    }
  },
  async reset(tx: OrmTx) {
    await tx.query('delete from loyalty_member_profile_v1');
  },
};
