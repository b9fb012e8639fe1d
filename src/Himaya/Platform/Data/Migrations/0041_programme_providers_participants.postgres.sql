-- Community programmes: the provider (services directory) delivering each, and a programme's participants (added
-- from the registry, or registered where the programme met them).
ALTER TABLE programmes ADD COLUMN provider_id integer;
ALTER TABLE programmes
    ADD CONSTRAINT fk_programmes_provider_id FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT;
CREATE INDEX ix_programmes_provider_id ON programmes (provider_id);

CREATE TABLE programme_participants (
    programme_id integer NOT NULL,
    child_id uuid NOT NULL,
    registered_here boolean NOT NULL,
    at timestamp with time zone NOT NULL,
    by_id integer NOT NULL,
    CONSTRAINT pk_programme_participants PRIMARY KEY (programme_id, child_id),
    CONSTRAINT fk_programme_participants_child_id FOREIGN KEY (child_id) REFERENCES children (id) ON DELETE RESTRICT,
    CONSTRAINT fk_programme_participants_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE
);
CREATE INDEX ix_programme_participants_child_id ON programme_participants (child_id);
