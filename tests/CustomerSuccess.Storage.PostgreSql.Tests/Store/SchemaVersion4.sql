CREATE TABLE cs_schema (version INTEGER NOT NULL);
CREATE TABLE cs_runs (
    as_of       TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    id          TEXT COLLATE "C" NOT NULL UNIQUE,
    started_at  TEXT COLLATE "C" NOT NULL,
    finished_at TEXT COLLATE "C" NOT NULL);
CREATE TABLE cs_run_counts (
    as_of TEXT COLLATE "C" NOT NULL REFERENCES cs_runs (as_of),
    name  TEXT COLLATE "C" NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (as_of, name));
CREATE TABLE cs_overrides (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id TEXT COLLATE "C" NOT NULL,
    score      DOUBLE PRECISION NOT NULL,
    reason     TEXT COLLATE "C" NOT NULL,
    set_by     TEXT COLLATE "C" NOT NULL,
    set_at     TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C" NOT NULL,
    cleared_at TEXT COLLATE "C");
CREATE INDEX cs_overrides_by_account ON cs_overrides (account_id, set_at);
CREATE TABLE cs_alerts (
    rule_id         TEXT COLLATE "C" NOT NULL,
    account_id      TEXT COLLATE "C" NOT NULL,
    alert_key       TEXT COLLATE "C" NOT NULL,
    raised_at       TEXT COLLATE "C" NOT NULL,
    kind            TEXT COLLATE "C" NOT NULL,
    severity        TEXT COLLATE "C" NOT NULL,
    message         TEXT COLLATE "C" NOT NULL,
    evidence        TEXT COLLATE "C" NOT NULL,
    acknowledged_at TEXT COLLATE "C",
    acknowledged_by TEXT COLLATE "C",
    PRIMARY KEY (rule_id, account_id, alert_key, raised_at));
CREATE TABLE cs_plans (
    plan_id    TEXT COLLATE "C" NOT NULL,
    version    BIGINT NOT NULL,
    account_id TEXT COLLATE "C" NOT NULL,
    saved_at   TEXT COLLATE "C" NOT NULL,
    document   TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (plan_id, version));
CREATE TABLE cs_plan_measurements (
    plan_id     TEXT COLLATE "C" NOT NULL,
    metric      TEXT COLLATE "C" NOT NULL,
    measured_on TEXT COLLATE "C" NOT NULL,
    value       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (plan_id, metric, measured_on));
CREATE TABLE cs_snapshots (
    account_id  TEXT COLLATE "C" NOT NULL,
    as_of       TEXT COLLATE "C" NOT NULL,
    model_name  TEXT COLLATE "C" NOT NULL,
    model_hash  TEXT COLLATE "C" NOT NULL,
    score       DOUBLE PRECISION,
    band        TEXT COLLATE "C",
    signals     TEXT COLLATE "C" NOT NULL,
    adjustments TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (as_of, account_id, model_name));
CREATE TABLE cs_snapshot_dates (
    as_of TEXT COLLATE "C" NOT NULL PRIMARY KEY);
CREATE TABLE cs_models (
    model_hash TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    document   TEXT COLLATE "C" NOT NULL);
CREATE TABLE cs_account_states (
    kind       TEXT COLLATE "C" NOT NULL,
    account_id TEXT COLLATE "C" NOT NULL,
    version    BIGINT NOT NULL,
    document   BYTEA NOT NULL,
    PRIMARY KEY (kind, account_id));
INSERT INTO cs_schema (version) VALUES (4);
