CREATE TABLE cs_schema (version INTEGER NOT NULL);
CREATE TABLE cs_runs (
    as_of       TEXT NOT NULL PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL);
CREATE TABLE cs_run_counts (
    as_of TEXT NOT NULL REFERENCES cs_runs (as_of),
    name  TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (as_of, name));
CREATE TABLE cs_overrides (
    id         INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    score      REAL NOT NULL,
    reason     TEXT NOT NULL,
    set_by     TEXT NOT NULL,
    set_at     TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    cleared_at TEXT);
CREATE INDEX cs_overrides_by_account ON cs_overrides (account_id, set_at);
CREATE TABLE cs_alerts (
    rule_id         TEXT NOT NULL,
    account_id      TEXT NOT NULL,
    alert_key       TEXT NOT NULL,
    raised_at       TEXT NOT NULL,
    kind            TEXT NOT NULL,
    severity        TEXT NOT NULL,
    message         TEXT NOT NULL,
    evidence        TEXT NOT NULL,
    acknowledged_at TEXT,
    acknowledged_by TEXT,
    PRIMARY KEY (rule_id, account_id, alert_key, raised_at));
CREATE TABLE cs_plans (
    plan_id    TEXT NOT NULL,
    version    INTEGER NOT NULL,
    account_id TEXT NOT NULL,
    saved_at   TEXT NOT NULL,
    document   TEXT NOT NULL,
    PRIMARY KEY (plan_id, version));
CREATE TABLE cs_plan_measurements (
    plan_id     TEXT NOT NULL,
    metric      TEXT NOT NULL,
    measured_on TEXT NOT NULL,
    value       REAL NOT NULL,
    PRIMARY KEY (plan_id, metric, measured_on));
CREATE TABLE cs_snapshots (
    account_id  TEXT NOT NULL,
    as_of       TEXT NOT NULL,
    model_name  TEXT NOT NULL,
    model_hash  TEXT NOT NULL,
    score       REAL,
    band        TEXT,
    signals     TEXT NOT NULL,
    adjustments TEXT NOT NULL,
    PRIMARY KEY (as_of, account_id, model_name)) WITHOUT ROWID;
CREATE TABLE cs_snapshot_dates (
    as_of TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE cs_models (
    model_hash TEXT NOT NULL PRIMARY KEY,
    document   TEXT NOT NULL);
CREATE TABLE cs_account_states (
    kind       TEXT NOT NULL,
    account_id TEXT NOT NULL,
    version    INTEGER NOT NULL,
    document   BLOB NOT NULL,
    PRIMARY KEY (kind, account_id)) WITHOUT ROWID;
INSERT INTO cs_schema (version) VALUES (4);
