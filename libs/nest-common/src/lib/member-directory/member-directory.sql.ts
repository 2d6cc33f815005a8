/** The table behind MemberDirectoryRow, for the migrations of every service that keeps a directory. */
export const MEMBER_DIRECTORY_TABLE_SQL = `
  create table if not exists member_directory (
    member_id      text primary key,
    member_no      text,
    name           text not null,
    status         text not null,
    store_id       text not null,
    tier           text,
    source_version int not null,
    updated_at     timestamptz not null default now()
  );`;
