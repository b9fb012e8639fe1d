-- 0030: a provider's staff propose new contact facts (phone, email, address, website) for their provider; the proposal
-- waits on the provider's row (proposed_at set) until a keeper of the directory approves or returns it with a reason.
ALTER TABLE providers ADD COLUMN proposed_phone character varying(32);
ALTER TABLE providers ADD COLUMN proposed_email character varying(200);
ALTER TABLE providers ADD COLUMN proposed_address character varying(300);
ALTER TABLE providers ADD COLUMN proposed_website character varying(300);
ALTER TABLE providers ADD COLUMN proposed_by_id integer;
ALTER TABLE providers ADD COLUMN proposed_at timestamp with time zone;
ALTER TABLE providers ADD COLUMN returned_reason character varying(500);
