-- Schema version 4 (issue 17): sign-in state that must outlive a restart of the dashboard.
--
-- sessions: one row per password sign-in. The browser holds a random token in an HttpOnly
-- cookie; only its SHA-256 is kept here, so reading the store never yields a usable token.
-- `stamp` digests the user's role, scope and password hash when the session began: a change to
-- any of them (or removing the user) ends the session at its next use. `ended_at` is set by
-- signing out (or by an administrator); an ended or expired row never admits anyone again.
create table if not exists sessions (
    id         varchar primary key,   -- sha256(token), hex
    user_name  varchar not null,
    stamp      varchar not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    ended_at   timestamptz
);

-- login_throttle: failed sign-ins per key ("name:<user>" or "addr:<client address>"), and until
-- when the key is locked. Times are Unix seconds (the throttle's clock).
create table if not exists login_throttle (
    key          varchar primary key,
    failures     integer not null,
    window_start double not null,
    locked_until double not null default 0
);
