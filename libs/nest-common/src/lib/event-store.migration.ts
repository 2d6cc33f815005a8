import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EVENT_STORE_SCHEMA_SQL } from '@cs/eventstore';

/** Every service's first migration: the event log, checkpoints, inbox, dead letters, command log, timers. */
export class EventStoreSchema1735689600000 implements MigrationInterface {
  name = 'EventStoreSchema1735689600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EVENT_STORE_SCHEMA_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'drop table if exists es_timers, es_command_log, es_dead_letters, es_processed_messages, es_checkpoints, es_events, es_streams; drop sequence if exists es_global_position',
    );
  }
}

/**
 * Timer retries with backoff and operator rebuild requests. The first migration already creates
 * them on new databases (the schema SQL is idempotent); this one brings older databases along.
 */
export class EventStoreTimerRetriesAndRebuilds1735689600001 implements MigrationInterface {
  name = 'EventStoreTimerRetriesAndRebuilds1735689600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EVENT_STORE_SCHEMA_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'drop table if exists es_rebuild_requests; alter table es_timers drop column if exists attempts, drop column if exists next_attempt_at, drop column if exists last_error',
    );
  }
}

/**
 * Stream snapshots (commands read only the events after them) and no index on event type
 * (nothing reads by it; every append paid for it). New databases get both from the first one.
 */
export class EventStoreSnapshots1735689600002 implements MigrationInterface {
  name = 'EventStoreSnapshots1735689600002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EVENT_STORE_SCHEMA_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table if exists es_snapshots; create index if not exists es_events_type on es_events (event_type)');
  }
}

/**
 * Timer leases: a due timer is claimed for a while instead of being locked by a transaction held
 * across its handler. Brings older databases along (the schema SQL is idempotent).
 */
export class EventStoreTimerLeases1735689600003 implements MigrationInterface {
  name = 'EventStoreTimerLeases1735689600003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EVENT_STORE_SCHEMA_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table es_timers drop column if exists claimed_until');
  }
}

/**
 * No unique index on the event id: nothing reads by it and ids are random UUIDs made for each
 * append; every append paid for it. Brings older databases along (the schema SQL is idempotent).
 */
export class EventStoreNoEventIdIndex1735689600004 implements MigrationInterface {
  name = 'EventStoreNoEventIdIndex1735689600004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EVENT_STORE_SCHEMA_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table es_events add constraint es_events_event_id_key unique (event_id)');
  }
}

/**
 * No foreign key from events to streams: the append claims the stream row in the statement that
 * inserts the events, so the check on every event row guarded nothing (about 10 % of an append's
 * time on the server). Brings older databases along.
 */
export class EventStoreNoStreamForeignKey1735689600005 implements MigrationInterface {
  name = 'EventStoreNoStreamForeignKey1735689600005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(EVENT_STORE_SCHEMA_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table es_events add constraint es_events_stream_id_fkey foreign key (stream_id) references es_streams (stream_id)');
  }
}
