-- « Ouverture de l'action : Non » (seed 003, §3.4): why a Région action does not open, and when the organisation said so.
ALTER TABLE training_action ADD COLUMN not_opened_reason VARCHAR(1000);
ALTER TABLE training_action ADD COLUMN not_opened_on DATE;
-- The Région's advance (« avance forfaitaire ou facultative »): asked for at opening, with its rate in %;
ALTER TABLE training_action ADD COLUMN advance_kind VARCHAR(20);
ALTER TABLE training_action ADD COLUMN advance_percent DECIMAL(5, 2);
-- paid by an invoice of its own (advance_cents), repaid by the later invoices (advance_repaid_cents, deducted from their net).
ALTER TABLE invoice ADD COLUMN advance_cents BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE invoice ADD COLUMN advance_repaid_cents BIGINT DEFAULT 0 NOT NULL;
