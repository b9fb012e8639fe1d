-- 0017: case transfers waiting for the receiving supervisor.
ALTER TABLE cases ADD transfer_to_supervisor_id integer;
ALTER TABLE cases ADD transfer_to_district character varying(16);
ALTER TABLE cases ADD transfer_reason character varying(2000);
ALTER TABLE cases ADD transfer_requested_at timestamp with time zone;
ALTER TABLE cases ADD transfer_requested_by_id integer;
CREATE INDEX ix_cases_transfer_to_supervisor_id ON cases (transfer_to_supervisor_id) WHERE transfer_to_supervisor_id IS NOT NULL;
