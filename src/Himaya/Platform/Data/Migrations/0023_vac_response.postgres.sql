-- 0023: the response to violence reports. Coordination follow-up: a decision's owner as a user and when it was done (by
-- whom); members who left, kept as history. Earlier reports during a call: the caller's phone as a key, and the child's
-- name key on its own (the same child reported in another district).
ALTER TABLE coordination_members ADD left_on date;

ALTER TABLE coordination_decisions ADD owner_user_id integer;
ALTER TABLE coordination_decisions ADD done_at timestamp with time zone;
ALTER TABLE coordination_decisions ADD done_by_id integer;
ALTER TABLE coordination_decisions ADD done_note character varying(1000);

ALTER TABLE vac_reports ADD reporter_phone_key character varying(16);
UPDATE vac_reports SET reporter_phone_key = right(regexp_replace(reporter_phone, '[^0-9]', '', 'g'), 9)
WHERE length(regexp_replace(reporter_phone, '[^0-9]', '', 'g')) >= 7;

CREATE INDEX ix_coordination_decisions_owner_user_id ON coordination_decisions (owner_user_id) WHERE owner_user_id IS NOT NULL AND done_at IS NULL;
CREATE INDEX ix_vac_reports_child_key ON vac_reports (child_key) WHERE child_key IS NOT NULL;
CREATE INDEX ix_vac_reports_reporter_phone_key ON vac_reports (reporter_phone_key) WHERE reporter_phone_key IS NOT NULL;
