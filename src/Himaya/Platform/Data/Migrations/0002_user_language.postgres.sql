-- 0002: the interface language a user last chose (restored at sign-in on any device).
ALTER TABLE users ADD preferred_language character varying(2);
