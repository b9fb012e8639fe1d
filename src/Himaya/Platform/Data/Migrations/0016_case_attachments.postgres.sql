-- 0016: case documents (the files themselves are kept outside the database).
CREATE TABLE case_attachments (
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    file_name character varying(200) NOT NULL,
    content_type character varying(100) NOT NULL,
    size bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    description character varying(500),
    sensitive boolean NOT NULL,
    at timestamp with time zone NOT NULL,
    by_id integer NOT NULL,
    CONSTRAINT pk_case_attachments PRIMARY KEY (id),
    CONSTRAINT fk_case_attachments_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE INDEX ix_case_attachments_case_id ON case_attachments (case_id);
