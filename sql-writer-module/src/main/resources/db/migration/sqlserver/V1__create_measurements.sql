-- Microsoft's IoT Edge SQL tutorial keeps (time, location, temperature) per row, one row for the
-- machine and one for the ambient air; this table adds what that tutorial leaves out: pressure
-- (machine row), humidity (ambient row), and where the row came from.
CREATE TABLE measurements (
    id BIGINT IDENTITY(1,1) PRIMARY KEY,
    measurement_time_utc DATETIME2(6) NOT NULL,
    location NVARCHAR(16) NOT NULL,
    temperature FLOAT NOT NULL,
    pressure FLOAT,
    humidity INT,
    message_id NVARCHAR(255) NOT NULL,
    source_module NVARCHAR(64),
    batch_file NVARCHAR(255),
    written_at_utc DATETIME2(6) NOT NULL,
    -- A redelivered message must never make a second row: the insert skips rows whose key exists,
    -- and this constraint has the last word should two writers ever race.
    CONSTRAINT uq_measurements_message UNIQUE (message_id, location)
);

CREATE INDEX ix_measurements_time ON measurements (measurement_time_utc);

-- The batch files whose rows are in: a claim check delivered twice finds its file here.
CREATE TABLE batch_files (
    file_name NVARCHAR(255) PRIMARY KEY,
    sha256 CHAR(64) NOT NULL,
    row_count INT NOT NULL,
    inserted_at_utc DATETIME2(6) NOT NULL
);
