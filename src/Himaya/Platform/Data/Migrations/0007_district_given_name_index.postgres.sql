-- 0007: district-scoped searches by given name seek (district, given name) instead of checking every match nationwide.
CREATE INDEX ix_children_district_code_given_name_key ON children (district_code, given_name_key) WHERE deleted_at IS NULL;
