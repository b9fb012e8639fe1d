-- 0020: the team dashboard reads open cases and open referrals only; partial indexes that carry the counted columns.
CREATE INDEX ix_cases_open_by_district_owner_stage ON cases (district_code, owner_id, stage) INCLUDE (pending, due_at, next_review_on, id) WHERE stage <> 'Closed';

CREATE INDEX ix_referrals_open_case_id ON referrals (case_id) INCLUDE (status, respond_by, due_on) WHERE status IN ('Sent', 'Accepted', 'Delivered');
