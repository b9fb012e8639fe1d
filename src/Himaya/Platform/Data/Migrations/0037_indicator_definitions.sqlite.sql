-- 0037: an indicator's definition in Azerbaijani and Russian beside the English one (definition), so that no reader
-- gets an English definition where one in their language was given.
ALTER TABLE "indicators" ADD "definition_az" TEXT NULL;
ALTER TABLE "indicators" ADD "definition_ru" TEXT NULL;
