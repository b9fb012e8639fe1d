-- 0038: scheduled jobs' runs, one row per job and slot (a day): the instance that inserts it runs the job, so several
-- app instances on one database run each scheduled job once.
CREATE TABLE job_runs (
    job character varying(60) NOT NULL,
    slot character varying(40) NOT NULL,
    claimed_at timestamp with time zone NOT NULL,
    instance character varying(200) NOT NULL,
    CONSTRAINT pk_job_runs PRIMARY KEY (job, slot)
);
