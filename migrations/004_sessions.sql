-- Revocable sessions. Every sign-in is a row; its id travels in the token
-- (`sid`), and a request is signed in only while its row is active: signing
-- out ends that row, "sign out everywhere" and a password change end them
-- all. `sessions_valid_after` ends, at once, every older token without a
-- session id (issued before sessions existed) the same way.
create table sessions (
  id uuid primary key default gen_random_uuid(),
  user_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz,
  ended_reason text check (
    ended_reason in ('logout', 'everywhere', 'password_changed')
  ),
  check ((ended_at is null) = (ended_reason is null))
);
create index sessions_user_active_idx on sessions (user_id)
  where ended_at is null;

alter table users add column sessions_valid_after timestamptz;
