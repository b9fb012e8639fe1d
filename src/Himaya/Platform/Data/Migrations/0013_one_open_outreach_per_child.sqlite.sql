-- 0013: one open outreach task per child, enforced by the database (two clicks at once cannot open two).
DROP INDEX "ix_outreach_tasks_child_id";

CREATE UNIQUE INDEX "ix_outreach_tasks_child_id" ON "outreach_tasks" ("child_id") WHERE status = 'Open';
