-- 0020: the team dashboard reads open cases and open referrals only (SQLite has no INCLUDE).
CREATE INDEX "ix_cases_open_by_district_owner_stage" ON "cases" ("district_code", "owner_id", "stage") WHERE stage <> 'Closed';

CREATE INDEX "ix_referrals_open_case_id" ON "referrals" ("case_id") WHERE status IN ('Sent', 'Accepted', 'Delivered');
