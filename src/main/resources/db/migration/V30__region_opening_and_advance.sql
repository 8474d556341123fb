-- « Ouverture de l'action : Non » (seed 003, §3.4): why a Région action does not open, and when the organisation said so.
ALTER TABLE training_action ADD COLUMN not_opened_reason VARCHAR(1000);
ALTER TABLE training_action ADD COLUMN not_opened_on DATE;
-- The Région's advance (« avance forfaitaire ou facultative »): asked for at opening, with its rate in %;
ALTER TABLE training_action ADD COLUMN advance_kind VARCHAR(20);
ALTER TABLE training_action ADD COLUMN advance_percent DECIMAL(5, 2);
-- paid by an invoice of its own (advance_cents), repaid by the later invoices (advance_repaid_cents, deducted from their net).
ALTER TABLE invoice ADD COLUMN advance_cents BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE invoice ADD COLUMN advance_repaid_cents BIGINT DEFAULT 0 NOT NULL;
-- A trainee's individual path, every field of seed 003 §3.2 beside its hours, objectives and VAE (individualised actions).
ALTER TABLE trainee ADD COLUMN path_professional_project VARCHAR(1000);
ALTER TABLE trainee ADD COLUMN path_company_period_count INTEGER;
ALTER TABLE trainee ADD COLUMN path_general_modules VARCHAR(2000);
ALTER TABLE trainee ADD COLUMN path_professional_modules VARCHAR(2000);
ALTER TABLE trainee ADD COLUMN path_company_objectives VARCHAR(2000);
ALTER TABLE trainee ADD COLUMN path_start DATE;
ALTER TABLE trainee ADD COLUMN path_end DATE;
CREATE TABLE trainee_path_period (
    trainee_id BIGINT      NOT NULL REFERENCES trainee (id),
    position   INTEGER     NOT NULL,
    place      VARCHAR(10) NOT NULL,
    start_date DATE        NOT NULL,
    end_date   DATE        NOT NULL,
    PRIMARY KEY (trainee_id, position)
);
