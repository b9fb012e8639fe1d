-- 0026: keeping the directory: why the last review sent a service (or its change) back, and the changes a provider's
-- staff propose to the public facts of a public service, waiting for a coordinator (then approved, returned or withdrawn).
ALTER TABLE "services" ADD COLUMN "review_note" TEXT NULL;

CREATE TABLE "service_changes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_service_changes" PRIMARY KEY AUTOINCREMENT,
    "service_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "proposed" TEXT NOT NULL,
    "proposed_by_id" INTEGER NOT NULL,
    "proposed_at" TEXT NOT NULL,
    "decided_by_id" INTEGER NULL,
    "decided_at" TEXT NULL,
    "reason" TEXT NULL,
    CONSTRAINT "fk_service_changes_service_id" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_service_changes_service_id_status" ON "service_changes" ("service_id", "status");
