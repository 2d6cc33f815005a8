import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of the team features: queues, notifications, call-backs, staff complaints, surveys, cases, reports. */
export class ComplaintTeamReadModels1735689600200 implements MigrationInterface {
  name = 'ComplaintTeamReadModels1735689600200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table complaint_list_v1
        add column if not exists assignee_name text,
        add column if not exists next_due_at timestamptz,
        add column if not exists first_responded_at timestamptz,
        add column if not exists first_response_within_sla boolean,
        add column if not exists resolved_at timestamptz,
        add column if not exists resolution_within_sla boolean,
        add column if not exists closed_at timestamptz,
        add column if not exists escalated boolean not null default false,
        add column if not exists merged_into text,
        add column if not exists sla_policy_id text;
      create index if not exists complaint_list_v1_queue on complaint_list_v1 (assignee_id, next_due_at, severity);
      create index if not exists complaint_list_v1_team on complaint_list_v1 (store_id, next_due_at, severity);

      create table if not exists complaint_notification_v1 (
        notification_id text primary key,
        recipient_id    text not null,
        recipient_role  text not null,
        kind            text not null,
        complaint_id    text not null,
        store_id        text,
        severity        text,
        title           text not null,
        body            text not null,
        due_at          timestamptz,
        created_at      timestamptz not null
      );
      create index if not exists complaint_notification_v1_recipient on complaint_notification_v1 (recipient_id, created_at desc);

      -- What the notification plan needs about each complaint, kept in step by the same processor.
      create table if not exists complaint_notification_case_v1 (
        complaint_id     text primary key,
        complaint_no     text,
        store_id         text not null,
        region_id        text,
        severity         text not null,
        escalation_level text not null,
        owner_id         text,
        version          int not null
      );

      create table if not exists staff_complaint_notification_case_v1 (
        staff_complaint_id text primary key,
        staff_id           text not null,
        team_lead_id       text,
        store_id           text not null
      );

      create table if not exists callback_notification_case_v1 (
        callback_id text primary key,
        assignee_id text,
        store_id    text not null,
        source_ref  text not null
      );

      create table if not exists callback_list_v1 (
        callback_id    text primary key,
        kind           text not null,
        source_ref     text not null,
        store_id       text not null,
        region_id      text,
        member_id      text,
        assignee_id    text,
        due_at         timestamptz not null,
        status         text not null,
        sampled        boolean not null default false,
        attempts       int not null default 0,
        satisfaction   int,
        satisfied      boolean,
        scheduled_at   timestamptz not null,
        settled_at     timestamptz,
        version        int not null
      );
      create index if not exists callback_list_v1_source on callback_list_v1 (source_ref, scheduled_at desc);
      create index if not exists callback_list_v1_due on callback_list_v1 (status, due_at);

      -- Completed after-sales requests (from their public events): the after-sales half of the sampling population.
      create table if not exists after_sales_completion_v1 (
        request_id   text primary key,
        store_id     text not null,
        member_id    text,
        completed_at timestamptz not null
      );

      create table if not exists callback_sampling_v1 (
        month      text not null,
        store_id   text not null,
        population int not null,
        sampled    int not null,
        rate       double precision not null,
        primary key (month, store_id)
      );

      create table if not exists staff_complaint_list_v1 (
        staff_complaint_id text primary key,
        store_id           text not null,
        region_id          text,
        staff_id           text not null,
        staff_name         text not null,
        team_lead_id       text,
        category           text not null,
        status             text not null,
        second_call_due_at timestamptz not null,
        outcome            text,
        filed_at           timestamptz not null,
        version            int not null
      );
      create index if not exists staff_complaint_list_v1_store on staff_complaint_list_v1 (store_id, filed_at desc);

      create table if not exists survey_response_v1 (
        response_id  text primary key,
        survey_id    text not null,
        store_id     text not null,
        agent_id     text,
        channel      text not null,
        invited_at   timestamptz not null,
        answered_at  timestamptz,
        consent      boolean,
        satisfaction int
      );
      create index if not exists survey_response_v1_survey on survey_response_v1 (survey_id, store_id);

      create table if not exists case_library_v1 (
        case_id           text primary key,
        from_complaint_id text not null,
        category          text,
        store_id          text not null,
        title             text not null,
        summary           text not null,
        resolution        text not null,
        keywords          text[] not null,
        status            text not null,
        drafted_at        timestamptz not null,
        published_at      timestamptz,
        version           int not null
      );
      create index if not exists case_library_v1_status on case_library_v1 (status, category);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists complaint_notification_v1, complaint_notification_case_v1, staff_complaint_notification_case_v1, callback_notification_case_v1, callback_list_v1, callback_sampling_v1, after_sales_completion_v1,
        staff_complaint_list_v1, survey_response_v1, case_library_v1;
      alter table complaint_list_v1
        drop column if exists assignee_name, drop column if exists next_due_at, drop column if exists first_responded_at,
        drop column if exists first_response_within_sla, drop column if exists resolved_at, drop column if exists resolution_within_sla,
        drop column if exists closed_at, drop column if exists escalated, drop column if exists merged_into, drop column if exists sla_policy_id;
    `);
  }
}
