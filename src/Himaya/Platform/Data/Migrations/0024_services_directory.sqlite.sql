-- 0024: the service directory: the shared taxonomy, providers, and services with their types, districts, place on the map,
-- eligibility and capacity. Existing services keep their ids (referrals point at them): each agency becomes a provider,
-- each kind a type, the comma-separated areas rows of service_districts (none: nationwide), active a status.
CREATE TABLE "service_types" (
    "code" TEXT NOT NULL CONSTRAINT "pk_service_types" PRIMARY KEY,
    "name_az" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "active" INTEGER NOT NULL
);

INSERT INTO "service_types" ("code", "name_az", "name_en", "name_ru", "sort_order", "active") VALUES
    ('social-work', 'Sosial iş', 'Social work', 'Социальная работа', 10, 1),
    ('family-support', 'Ailəyə dəstək', 'Family support', 'Поддержка семьи', 20, 1),
    ('home-visiting', 'Evə baş çəkmə', 'Home visiting', 'Патронаж на дому', 30, 1),
    ('mhpss', 'Psixi sağlamlıq və psixososial dəstək', 'Mental health and psychosocial support (MHPSS)', 'Психическое здоровье и психосоциальная поддержка', 40, 1),
    ('legal-aid', 'Hüquqi yardım', 'Legal aid', 'Юридическая помощь', 50, 1),
    ('hiv-testing-youth', 'Gənclər üçün HİV testi və məsləhət', 'HIV testing and counselling for young people', 'Тестирование на ВИЧ и консультирование для молодёжи', 60, 1),
    ('youth-friendly', 'Gənclərə dost xidmətlər', 'Youth-friendly services', 'Услуги, дружественные к молодёжи', 70, 1),
    ('ecd-parenting', 'Erkən uşaq inkişafı və valideynlik', 'Early childhood development and parenting', 'Раннее развитие детей и родительство', 80, 1),
    ('preschool', 'Məktəbəqədər təhsil', 'Preschool education', 'Дошкольное образование', 90, 1),
    ('inclusive-education', 'İnklüziv təhsil', 'Inclusive education', 'Инклюзивное образование', 100, 1),
    ('rehabilitation', 'Reabilitasiya və əlilliyi olan uşaqlara xidmətlər', 'Rehabilitation and disability services', 'Реабилитация и услуги для детей с инвалидностью', 110, 1),
    ('day-care', 'Gündüz qayğı mərkəzi', 'Day care', 'Дневной уход', 120, 1),
    ('foster-care', 'Himayədar ailə', 'Foster care', 'Замещающая (фостерная) семья', 130, 1),
    ('shelter', 'Sığınacaq və təhlükəsiz yerləşdirmə', 'Shelter and safe accommodation', 'Приют и безопасное размещение', 140, 1),
    ('health', 'Səhiyyə', 'Health care', 'Здравоохранение', 150, 1),
    ('social-protection', 'Sosial müdafiə və müavinətlər', 'Social protection and benefits', 'Социальная защита и пособия', 160, 1),
    ('eore', 'Partlayıcı sursatların riskləri barədə maarifləndirmə', 'Explosive-ordnance risk education', 'Информирование о рисках взрывоопасных предметов', 170, 1);

CREATE TABLE "providers" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_providers" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tax_id" TEXT NULL,
    "registration_number" TEXT NULL,
    "accreditation" TEXT NOT NULL,
    "accredited_on" TEXT NULL,
    "accreditation_expires_on" TEXT NULL,
    "phone" TEXT NULL,
    "email" TEXT NULL,
    "address" TEXT NULL,
    "website" TEXT NULL,
    "active" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "ix_providers_name" ON "providers" ("name");

INSERT INTO "providers" ("name", "kind", "accreditation", "active", "created_at", "updated_at", "version")
SELECT "agency", CASE WHEN max("kind" = 'Ngo') THEN 'Ngo' ELSE 'State' END, 'None', 1,
       strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'), 1
FROM "services" GROUP BY "agency";

ALTER TABLE "services" ADD COLUMN "provider_id" INTEGER NULL CONSTRAINT "fk_services_provider_id" REFERENCES "providers" ("id") ON DELETE RESTRICT;
ALTER TABLE "services" ADD COLUMN "description" TEXT NULL;
ALTER TABLE "services" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'Public';
ALTER TABLE "services" ADD COLUMN "nationwide" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "services" ADD COLUMN "sex" TEXT NOT NULL DEFAULT 'Any';
ALTER TABLE "services" ADD COLUMN "disability_only" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "services" ADD COLUMN "address" TEXT NULL;
ALTER TABLE "services" ADD COLUMN "latitude" REAL NULL;
ALTER TABLE "services" ADD COLUMN "longitude" REAL NULL;
ALTER TABLE "services" ADD COLUMN "phone" TEXT NULL;
ALTER TABLE "services" ADD COLUMN "opening_hours" TEXT NULL;
ALTER TABLE "services" ADD COLUMN "languages" TEXT NULL;
ALTER TABLE "services" ADD COLUMN "cost" TEXT NULL;
ALTER TABLE "services" ADD COLUMN "capacity" INTEGER NULL;
ALTER TABLE "services" ADD COLUMN "free_places" INTEGER NULL;
ALTER TABLE "services" ADD COLUMN "created_at" TEXT NOT NULL DEFAULT '2026-01-01 00:00:00';
ALTER TABLE "services" ADD COLUMN "updated_at" TEXT NOT NULL DEFAULT '2026-01-01 00:00:00';
ALTER TABLE "services" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

UPDATE "services" SET
    "provider_id" = (SELECT p."id" FROM "providers" p WHERE p."name" = "services"."agency"),
    "status" = CASE WHEN "active" THEN 'Public' ELSE 'Closed' END,
    "nationwide" = ("areas" = ''),
    "phone" = CASE WHEN length("contact") <= 32 THEN "contact" END,
    "description" = CASE WHEN length("contact") > 32 THEN "contact" END,
    "created_at" = strftime('%Y-%m-%d %H:%M:%f', 'now'),
    "updated_at" = strftime('%Y-%m-%d %H:%M:%f', 'now');

CREATE TABLE "service_type_links" (
    "service_id" INTEGER NOT NULL,
    "type_code" TEXT NOT NULL,
    CONSTRAINT "pk_service_type_links" PRIMARY KEY ("service_id", "type_code"),
    CONSTRAINT "fk_service_type_links_service_id" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_service_type_links_type_code" FOREIGN KEY ("type_code") REFERENCES "service_types" ("code") ON DELETE RESTRICT
);
INSERT INTO "service_type_links" ("service_id", "type_code") SELECT "id", CASE "kind" WHEN 'StateBody' THEN 'social-work' WHEN 'Ngo' THEN 'family-support' WHEN 'Health' THEN 'health' WHEN 'Education' THEN 'inclusive-education' WHEN 'LegalAid' THEN 'legal-aid' WHEN 'Mhpss' THEN 'mhpss' WHEN 'Rehabilitation' THEN 'rehabilitation' WHEN 'SocialProtection' THEN 'social-protection' ELSE 'social-work' END FROM "services";

CREATE TABLE "service_districts" (
    "service_id" INTEGER NOT NULL,
    "district_code" TEXT NOT NULL,
    CONSTRAINT "pk_service_districts" PRIMARY KEY ("service_id", "district_code"),
    CONSTRAINT "fk_service_districts_service_id" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE CASCADE
);
-- SQLite has no string_to_array: walk each areas list one comma at a time.
WITH RECURSIVE parts("service_id", "code", "rest") AS (
    SELECT "id", '', "areas" || ',' FROM "services"
    UNION ALL
    SELECT "service_id", trim(substr("rest", 1, instr("rest", ',') - 1)), substr("rest", instr("rest", ',') + 1) FROM parts WHERE "rest" <> ''
)
INSERT INTO "service_districts" ("service_id", "district_code") SELECT DISTINCT "service_id", "code" FROM parts WHERE "code" <> '';

ALTER TABLE "services" DROP COLUMN "kind";
ALTER TABLE "services" DROP COLUMN "areas";
ALTER TABLE "services" DROP COLUMN "contact";
ALTER TABLE "services" DROP COLUMN "active";

CREATE INDEX "ix_service_districts_district_code" ON "service_districts" ("district_code");
CREATE INDEX "ix_service_type_links_type_code" ON "service_type_links" ("type_code");
CREATE INDEX "ix_services_provider_id" ON "services" ("provider_id");
CREATE INDEX "ix_services_status" ON "services" ("status");
