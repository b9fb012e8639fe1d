-- 0008: large imports run in the background: the file waits in import_files (with the worker's lease) until applied;
-- a background import that stops for good says why.
ALTER TABLE "import_batches" ADD COLUMN "error" TEXT NULL;

CREATE TABLE "import_files" (
    "batch_id" TEXT NOT NULL CONSTRAINT "pk_import_files" PRIMARY KEY,
    "content" TEXT NOT NULL,
    "mapping" TEXT NOT NULL,
    "lease_until" TEXT NULL,
    "attempts" INTEGER NOT NULL,
    CONSTRAINT "fk_import_files_batch_id" FOREIGN KEY ("batch_id") REFERENCES "import_batches" ("id") ON DELETE CASCADE
);
