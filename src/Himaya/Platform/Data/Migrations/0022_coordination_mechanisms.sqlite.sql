-- 0022: district coordination mechanisms on violence against children: members, meetings (agenda from the open reports), decisions.
CREATE TABLE "coordination_members" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_coordination_members" PRIMARY KEY AUTOINCREMENT,
    "district_code" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "person_name" TEXT NOT NULL,
    "role" TEXT NULL,
    "active" INTEGER NOT NULL,
    "added_at" TEXT NOT NULL
);

CREATE TABLE "coordination_meetings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_coordination_meetings" PRIMARY KEY,
    "district_code" TEXT NOT NULL,
    "held_on" TEXT NOT NULL,
    "notes" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "created_by_id" INTEGER NOT NULL
);

CREATE TABLE "coordination_agenda_items" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_coordination_agenda_items" PRIMARY KEY AUTOINCREMENT,
    "meeting_id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "overdue" INTEGER NOT NULL,
    CONSTRAINT "fk_coordination_agenda_items_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "coordination_meetings" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_coordination_agenda_items_report_id" FOREIGN KEY ("report_id") REFERENCES "vac_reports" ("id") ON DELETE RESTRICT
);

CREATE TABLE "coordination_decisions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_coordination_decisions" PRIMARY KEY AUTOINCREMENT,
    "meeting_id" TEXT NOT NULL,
    "report_id" TEXT NULL,
    "text" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "due_on" TEXT NULL,
    "at" TEXT NOT NULL,
    "by_id" INTEGER NOT NULL,
    CONSTRAINT "fk_coordination_decisions_meeting_id" FOREIGN KEY ("meeting_id") REFERENCES "coordination_meetings" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_coordination_agenda_items_meeting_id" ON "coordination_agenda_items" ("meeting_id");
CREATE INDEX "ix_coordination_agenda_items_report_id" ON "coordination_agenda_items" ("report_id");
CREATE INDEX "ix_coordination_decisions_meeting_id" ON "coordination_decisions" ("meeting_id");
CREATE INDEX "ix_coordination_meetings_district_code_held_on" ON "coordination_meetings" ("district_code", "held_on");
CREATE INDEX "ix_coordination_members_district_code" ON "coordination_members" ("district_code");
