-- Community services: screenings with the standard instruments, case proposals, home visiting (enrolments, visits).
CREATE TABLE screenings (
    id uuid NOT NULL,
    child_id uuid NOT NULL,
    instrument character varying(40) NOT NULL,
    version integer NOT NULL,
    date date NOT NULL,
    age_months integer NOT NULL,
    answers character varying(4000) NOT NULL,
    score integer NOT NULL,
    concern boolean NOT NULL,
    programme_id integer,
    contact_id uuid,
    at timestamp with time zone NOT NULL,
    by_id integer NOT NULL,
    CONSTRAINT pk_screenings PRIMARY KEY (id),
    CONSTRAINT fk_screenings_child_id FOREIGN KEY (child_id) REFERENCES children (id) ON DELETE RESTRICT,
    CONSTRAINT fk_screenings_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE SET NULL,
    CONSTRAINT fk_screenings_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE SET NULL
);

CREATE TABLE case_proposals (
    id uuid NOT NULL,
    child_id uuid NOT NULL,
    district_code character varying(20) NOT NULL,
    source character varying(20) NOT NULL,
    screening_id uuid,
    home_visit_id uuid,
    summary character varying(2000) NOT NULL,
    status character varying(12) NOT NULL,
    case_id uuid,
    decline_reason character varying(1000),
    at timestamp with time zone NOT NULL,
    by_id integer NOT NULL,
    decided_at timestamp with time zone,
    decided_by_id integer,
    CONSTRAINT pk_case_proposals PRIMARY KEY (id),
    CONSTRAINT fk_case_proposals_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT,
    CONSTRAINT fk_case_proposals_child_id FOREIGN KEY (child_id) REFERENCES children (id) ON DELETE RESTRICT,
    CONSTRAINT fk_case_proposals_screening_id FOREIGN KEY (screening_id) REFERENCES screenings (id) ON DELETE RESTRICT
);

CREATE TABLE home_visit_enrolments (
    id uuid NOT NULL,
    programme_id integer NOT NULL,
    child_id uuid NOT NULL,
    district_code character varying(20) NOT NULL,
    worker_id integer NOT NULL,
    enrolled_on date NOT NULL,
    ended_on date,
    end_reason character varying(1000),
    at timestamp with time zone NOT NULL,
    by_id integer NOT NULL,
    CONSTRAINT pk_home_visit_enrolments PRIMARY KEY (id),
    CONSTRAINT fk_home_visit_enrolments_child_id FOREIGN KEY (child_id) REFERENCES children (id) ON DELETE RESTRICT,
    CONSTRAINT fk_home_visit_enrolments_programme_id FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE
);

CREATE TABLE home_visits (
    id uuid NOT NULL,
    enrolment_id uuid NOT NULL,
    months integer NOT NULL,
    date date NOT NULL,
    immunisation_up_to_date boolean,
    weight_kg numeric(5,2),
    length_cm numeric(5,1),
    milestones_screening_id uuid,
    developmental_concern boolean NOT NULL,
    caregiver_wellbeing character varying(8) NOT NULL,
    home_safety character varying(8) NOT NULL,
    notes character varying(2000),
    contact_id uuid NOT NULL,
    proposal_id uuid,
    at timestamp with time zone NOT NULL,
    by_id integer NOT NULL,
    CONSTRAINT pk_home_visits PRIMARY KEY (id),
    CONSTRAINT fk_home_visits_contact_id FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE RESTRICT,
    CONSTRAINT fk_home_visits_enrolment_id FOREIGN KEY (enrolment_id) REFERENCES home_visit_enrolments (id) ON DELETE CASCADE,
    CONSTRAINT fk_home_visits_milestones_screening_id FOREIGN KEY (milestones_screening_id) REFERENCES screenings (id) ON DELETE RESTRICT
);

CREATE INDEX ix_case_proposals_case_id ON case_proposals (case_id);
CREATE INDEX ix_case_proposals_child_id ON case_proposals (child_id);
CREATE INDEX ix_case_proposals_screening_id ON case_proposals (screening_id);
CREATE INDEX ix_case_proposals_status_district_code ON case_proposals (status, district_code);
CREATE INDEX ix_home_visit_enrolments_child_id ON home_visit_enrolments (child_id);
CREATE INDEX ix_home_visit_enrolments_programme_id_child_id ON home_visit_enrolments (programme_id, child_id);
CREATE INDEX ix_home_visit_enrolments_worker_id_ended_on ON home_visit_enrolments (worker_id, ended_on);
CREATE INDEX ix_home_visits_contact_id ON home_visits (contact_id);
CREATE UNIQUE INDEX ix_home_visits_enrolment_id_months ON home_visits (enrolment_id, months);
CREATE INDEX ix_home_visits_milestones_screening_id ON home_visits (milestones_screening_id);
CREATE INDEX ix_screenings_child_id_instrument_date ON screenings (child_id, instrument, date);
CREATE INDEX ix_screenings_contact_id ON screenings (contact_id);
CREATE INDEX ix_screenings_programme_id ON screenings (programme_id);
