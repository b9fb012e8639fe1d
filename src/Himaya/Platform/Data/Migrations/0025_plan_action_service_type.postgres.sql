-- 0025: a case plan's action may name the kind of service it needs (a code of the shared taxonomy), which coverage counts.
ALTER TABLE case_plan_actions ADD COLUMN service_type character varying(40);
