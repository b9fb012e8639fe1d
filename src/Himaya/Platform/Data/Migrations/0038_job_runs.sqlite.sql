-- 0038: scheduled jobs' runs, one row per job and slot (a day): the instance that inserts it runs the job, so several
-- app instances on one database run each scheduled job once.
CREATE TABLE "job_runs" (
    "job" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "claimed_at" TEXT NOT NULL,
    "instance" TEXT NOT NULL,
    CONSTRAINT "pk_job_runs" PRIMARY KEY ("job", "slot")
);
