-- 0011: outreach tasks started from the most-deprived list, for the child's district.
CREATE TABLE outreach_tasks (
    id uuid NOT NULL,
    child_id uuid NOT NULL,
    district_code character varying(16) NOT NULL,
    dimensions character varying(500) NOT NULL,
    reasons character varying(500) NOT NULL,
    note character varying(1000),
    status character varying(16) NOT NULL,
    outcome character varying(1000),
    created_by_id integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    closed_by_id integer,
    closed_at timestamp with time zone,
    CONSTRAINT pk_outreach_tasks PRIMARY KEY (id),
    CONSTRAINT fk_outreach_tasks_child_id FOREIGN KEY (child_id) REFERENCES children (id) ON DELETE RESTRICT
);

CREATE INDEX ix_outreach_tasks_child_id ON outreach_tasks (child_id);

CREATE INDEX ix_outreach_tasks_district_code_status ON outreach_tasks (district_code, status);
