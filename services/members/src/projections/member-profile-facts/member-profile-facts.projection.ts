import type { Projection, RecordedEvent } from '@cs/eventstore';
import type { OrmTx } from '@cs/nest-common';

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

/**
 * Gender and birth date only (the age analysis and the birthday run), plus whether the record
 * still needs a supplement; never the name, mobile or address.
 */
export const memberProfileFactsProjection: Projection<OrmTx> = {
  id: 'projection:loyalty-member-profile:v1',
  handles: [...Object.keys(REVIEW_STATUS), 'MemberClosed'],
  async handle(events: readonly RecordedEvent[], tx: OrmTx) {
    for (const recorded of events) {
      const d = recorded.data as unknown as ProfileData;
      // a closed member keeps no birth date: only gender and birth year-month, for the analyses
      if (recorded.type === 'MemberClosed') {
        await tx.query(
          `update loyalty_member_profile_v1
              set birth_year_month = coalesce($2, to_char(birth_date, 'YYYY-MM')), gender = coalesce($3, gender),
                  birth_date = null, birth_month = null, review_status = 'closed', version = $4
            where member_id = $1 and version < $4`,
          [d.memberId, d.birthYearMonth ?? null, d.gender ?? null, recorded.streamVersion],
        );
        continue;
      }
      const gender = d.fields ? d.fields.gender : d.gender;
      const birthDate = asDate(d.fields ? d.fields.birthDate : d.birthDate);
      await tx.query(
        `insert into loyalty_member_profile_v1 (member_id, store_id, gender, birth_date, birth_month, review_status, version)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (member_id) do update set
           gender = coalesce(excluded.gender, loyalty_member_profile_v1.gender),
           birth_date = coalesce(excluded.birth_date, loyalty_member_profile_v1.birth_date),
           birth_month = coalesce(excluded.birth_month, loyalty_member_profile_v1.birth_month),
           review_status = excluded.review_status,
           version = excluded.version
         where loyalty_member_profile_v1.version < excluded.version`,
        [d.memberId, d.storeId, gender ?? null, birthDate ?? null, birthDate ? birthDate.slice(5, 7) : null, REVIEW_STATUS[recorded.type], recorded.streamVersion],
      );
    }
  },
  async reset(tx: OrmTx) {
    await tx.query('delete from loyalty_member_profile_v1');
  },
};
