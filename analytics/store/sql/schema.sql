-- Schema version 1 of the ASN competency store.
--
-- Raw tables hold exactly what the data contract imports (docs/import-formats.md),
-- with integer surrogate keys in the big fact tables; the text identifiers (nip, agency_id, ...)
-- live once, in their dimension table. Levels are exact decimals (tenths), JP exact hundredths.
--
-- The fact tables (assessments, participations, performance) carry no primary key: a unique
-- index over ~150 million national scores does not fit the memory budget, so their key
-- uniqueness is enforced by the importer (which checks the import against the store).
-- Dimension tables are small enough for real keys and checks.

create table if not exists meta (
    key   varchar primary key,
    value varchar not null
);

-- One row per accepted write (import, demo build, rollback). import_id is the data version.
create table if not exists import_log (
    import_id    integer primary key,
    imported_at  timestamp not null,
    kind         varchar not null,          -- 'import' | 'demo' | 'rollback'
    username     varchar,
    files        varchar not null,          -- JSON: [{"name":..., "sha256":..., "rows":...}]
    counts       varchar not null,          -- JSON: {"table": {"added": n, "changed": n}}
    status       varchar not null default 'committed',   -- 'committed' | 'rolled_back'
    rolled_back_by integer
);

create table if not exists agencies (
    agency_key  integer primary key,
    agency_id   varchar not null unique,
    agency_name varchar not null,
    instansi    varchar
);

create table if not exists positions (
    position_key  integer primary key,
    position_id   varchar not null unique,
    position_name varchar not null,
    job_type      varchar not null,
    job_family    varchar not null
);

create table if not exists competencies (
    competency_key   smallint primary key,
    competency_id    varchar not null unique,
    competency_name  varchar not null,
    competency_group varchar not null
        check (competency_group in ('manajerial', 'sosial kultural', 'teknis'))
);

create table if not exists standards (
    position_key   integer not null,
    competency_key smallint not null,
    required_level tinyint not null check (required_level between 1 and 5),
    primary key (position_key, competency_key)
);

create table if not exists employees (
    emp_key         integer primary key,
    nip             varchar not null unique,
    name            varchar not null,
    agency_key      integer not null,
    unit            varchar not null,
    position_key    integer not null,
    gender          varchar check (gender in ('L', 'P')),
    birth_date      date,
    employment_type varchar check (employment_type in ('PNS', 'PPPK')),
    rank            varchar
);

create table if not exists assessments (
    emp_key        integer not null,
    competency_key smallint not null,
    assessed_on    date not null,
    level          decimal(2, 1) not null check (level between 1 and 5),
    position_key   integer,                 -- null: the employee's current position
    method         varchar
);

create table if not exists trainings (
    training_key   integer primary key,
    training_id    varchar not null unique,
    title          varchar not null,
    competency_key smallint,                -- null: general training (JP only)
    hours_jp       decimal(9, 2) not null check (hours_jp > 0),
    start_date     date not null,
    end_date       date not null,
    provider       varchar,
    cost_idr       double check (cost_idr >= 0),
    mode           varchar,
    check (end_date >= start_date)
);

create table if not exists participations (
    training_key integer not null,
    emp_key      integer not null,
    completed    boolean not null
);

create table if not exists performance (
    emp_key integer not null,
    year    smallint not null,
    rating  varchar not null
        check (rating in ('Sangat Baik', 'Baik', 'Butuh Perbaikan', 'Kurang', 'Sangat Kurang'))
);

create table if not exists service_outcomes (
    agency_key integer not null,
    year       smallint not null,
    ikm        double not null check (ikm between 25 and 100),
    primary key (agency_key, year)
);

-- Undo journal: for every accepted import, the rows it added (keys only) and the previous
-- values of the rows it replaced, one JSON object per row, so that rollback can restore them.
create table if not exists undo_journal (
    import_id  integer not null,
    table_name varchar not null,
    op         varchar not null,             -- 'added' | 'replaced'
    row_data   varchar not null              -- JSON of the row (old values for 'replaced')
);
