import type { SqlTx } from '@cs/eventstore';

/** Records that `consumerId` processed `messageId`; false when it already had (a duplicate). */
export async function claimInboxMessage(tx: SqlTx, consumerId: string, messageId: string): Promise<boolean> {
  const rows = await tx.query(
    `insert into es_processed_messages (consumer_id, message_id) values ($1, $2)
     on conflict do nothing returning message_id`,
    [consumerId, messageId],
  );
  return rows.length === 1;
}

/** Records `messageIds` for `consumerId` in one statement; returns those not processed before. */
export async function claimInboxMessages(tx: SqlTx, consumerId: string, messageIds: readonly string[]): Promise<Set<string>> {
  const rows = await tx.query<{ message_id: string }>(
    `insert into es_processed_messages (consumer_id, message_id) select $1, unnest($2::text[])
     on conflict do nothing returning message_id`,
    [consumerId, [...new Set(messageIds)]],
  );
  return new Set(rows.map((r) => r.message_id));
}

export interface DeadLetter {
  consumerId: string;
  messageId?: string;
  subject: string;
  reason: string;
  payload: string;
  headers: Record<string, string>;
  deliveries: number;
}

export async function recordDeadLetter(tx: SqlTx, letter: DeadLetter): Promise<void> {
  await tx.query(
    `insert into es_dead_letters (consumer_id, message_id, subject, reason, payload, headers, deliveries)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7) returning id`,
    [
      letter.consumerId,
      letter.messageId ?? null,
      letter.subject,
      letter.reason.slice(0, 2000),
      letter.payload,
      JSON.stringify(letter.headers),
      letter.deliveries,
    ],
  );
}
