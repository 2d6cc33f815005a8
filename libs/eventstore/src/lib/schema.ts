/**
 * The event-store tables of one service database. Applied by each service's first migration;
 * written idempotently so a rerun is harmless.
 */
export const EVENT_STORE_SCHEMA_SQL = `
create sequence if not exists es_global_position;

create table if not exists es_streams (
  stream_id    text        primary key,
  stream_type  text        not null,
  version      bigint      not null,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);

create table if not exists es_events (
  global_position bigint      not null default nextval('es_global_position'),
  transaction_id  xid8        not null default pg_current_xact_id(),
  stream_id       text        not null,
  stream_type     text        not null,
  stream_version  bigint      not null,
  event_id        uuid        not null,
  event_type      text        not null,
  schema_version  int         not null default 1,
  data            jsonb       not null,
  metadata        jsonb       not null,
  recorded_at     timestamptz not null default now(),
  primary key (stream_id, stream_version)
);
create index if not exists es_events_tx_pos on es_events (transaction_id, global_position);
-- nothing reads the log by event type: the index only slowed every append
drop index if exists es_events_type;
-- nor by event id: ids are random UUIDs generated for each append (a retried command gets new
-- ones, and its idempotency record, not the event id, answers a repeat); the index only slowed appends
alter table es_events drop constraint if exists es_events_event_id_key;
-- an event's stream row is claimed by the same statement that inserts the event (append-to-stream.ts),
-- and nothing deletes streams: the foreign key's check on every inserted event guarded nothing
alter table es_events drop constraint if exists es_events_stream_id_fkey;

-- the folded state of a stream at a version, so a command reads only the events after it
create table if not exists es_snapshots (
  stream_id      text        primary key,
  schema_version int         not null,
  version        bigint      not null,
  state          jsonb       not null,
  updated_at     timestamptz not null default now()
);

create table if not exists es_checkpoints (
  processor_id          text        primary key,
  last_transaction_id   xid8        not null,
  last_global_position  bigint      not null,
  updated_at            timestamptz not null default now()
);

create table if not exists es_processed_messages (
  consumer_id  text        not null,
  message_id   text        not null,
  processed_at timestamptz not null default now(),
  primary key (consumer_id, message_id)
);

create table if not exists es_dead_letters (
  id           bigserial   primary key,
  consumer_id  text        not null,
  message_id   text,
  subject      text        not null,
  reason       text        not null,
  payload      text        not null,
  headers      jsonb       not null default '{}'::jsonb,
  deliveries   int         not null,
  created_at   timestamptz not null default now()
);

create table if not exists es_command_log (
  command_id    text        primary key,
  request_hash  text        not null,
  stream_id     text        not null,
  result        jsonb       not null,
  created_at    timestamptz not null default now()
);

create table if not exists es_rebuild_requests (
  processor_id  text        primary key,
  requested_at  timestamptz not null default now(),
  started_at    timestamptz,
  done_at       timestamptz,
  events        int
);

create table if not exists es_timers (
  timer_id     text        primary key,
  stream_id    text        not null,
  kind         text        not null,
  due_at       timestamptz not null,
  payload      jsonb       not null default '{}'::jsonb,
  fired_at     timestamptz,
  cancelled_at timestamptz
);
alter table es_timers add column if not exists attempts int not null default 0;
alter table es_timers add column if not exists next_attempt_at timestamptz;
alter table es_timers add column if not exists last_error text;
alter table es_timers add column if not exists claimed_until timestamptz;
create index if not exists es_timers_due on es_timers (due_at) where fired_at is null and cancelled_at is null;
`;
