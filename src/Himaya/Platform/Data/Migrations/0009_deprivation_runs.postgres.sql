-- 0009: stored deprivation analyses (to compare over time).
CREATE TABLE deprivation_runs (
    id uuid NOT NULL,
    scope character varying(2000) NOT NULL,
    framework character varying(100) NOT NULL,
    framework_version character varying(50) NOT NULL,
    age_group character varying(50) NOT NULL,
    disaggregations character varying(100) NOT NULL,
    source character varying(300) NOT NULL,
    label character varying(200),
    result text NOT NULL,
    created_by_id integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    data_as_of timestamp with time zone NOT NULL,
    CONSTRAINT pk_deprivation_runs PRIMARY KEY (id)
);

CREATE INDEX ix_deprivation_runs_created_at ON deprivation_runs (created_at);
