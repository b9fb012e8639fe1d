#!/usr/bin/env bash
# Regenerates 0001_initial.*.sql from the EF model. Only valid while 0001 has not shipped:
# after that, schema changes are new numbered scripts (see docs/decisions/ADR-002-schema-migrations.md).
set -euo pipefail
cd "$(dirname "$0")/.."
if ls src/Himaya/Infrastructure/Migrations/0002_* >/dev/null 2>&1; then
  echo "0001 has shipped and later migrations exist: write a new numbered script instead (ADR-001)." >&2
  exit 1
fi
dotnet build src/Himaya -v q -nologo >/dev/null
dll=src/Himaya/bin/Debug/net10.0/himaya.dll
for p in sqlite postgres; do
  out=src/Himaya/Infrastructure/Migrations/0001_initial.$p.sql
  { echo "-- 0001: initial schema (generated from the EF model by scripts/initial-migration.sh, then frozen)."; dotnet "$dll" schema-script $p; } > "$out"
done
cat >> src/Himaya/Infrastructure/Migrations/0001_initial.sqlite.sql <<'SQL'

-- The audit trail is append-only: the application never updates or deletes it, and the database refuses to.
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
SQL
cat >> src/Himaya/Infrastructure/Migrations/0001_initial.postgres.sql <<'SQL'

-- The audit trail is append-only: the application never updates or deletes it, and the database refuses to.
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END $$;
CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
SQL
echo "regenerated"
