-- 0012: one live (not rolled back) import of a file per source, enforced by the database: two first sendings at once
-- cannot both create a batch.
DROP INDEX ix_import_batches_source_id_file_hash;

CREATE UNIQUE INDEX ix_import_batches_source_id_file_hash ON import_batches (source_id, file_hash) WHERE status <> 'RolledBack';
