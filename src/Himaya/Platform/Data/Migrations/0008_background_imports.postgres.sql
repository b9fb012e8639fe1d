-- 0008: large imports run in the background: the file waits in import_files (with the worker's lease) until applied;
-- a background import that stops for good says why.
ALTER TABLE import_batches ADD COLUMN error character varying(1000);

CREATE TABLE import_files (
    batch_id uuid NOT NULL,
    content text NOT NULL,
    mapping character varying(4000) NOT NULL,
    lease_until timestamp with time zone,
    attempts integer NOT NULL,
    CONSTRAINT pk_import_files PRIMARY KEY (batch_id),
    CONSTRAINT fk_import_files_batch_id FOREIGN KEY (batch_id) REFERENCES import_batches (id) ON DELETE CASCADE
);
