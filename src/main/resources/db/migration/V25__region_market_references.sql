-- A Région market dossier's references (seed 003's action summary) and what the Région's payment platform needs on
-- each invoice: the legal commitment number (BT-13) and the service code (BT-10). Recorded by the Région's validator.
ALTER TABLE training_action ADD COLUMN call_for_projects VARCHAR(120);
ALTER TABLE training_action ADD COLUMN operation_number VARCHAR(12);
ALTER TABLE training_action ADD COLUMN market_number VARCHAR(30);
ALTER TABLE training_action ADD COLUMN deciding_body VARCHAR(120);
ALTER TABLE training_action ADD COLUMN vote_date DATE;
ALTER TABLE training_action ADD COLUMN sector VARCHAR(120);
ALTER TABLE training_action ADD COLUMN commitment_number VARCHAR(50);
ALTER TABLE training_action ADD COLUMN service_code VARCHAR(100);
-- an invoice keeps the references it was issued with (BT-10, BT-12, BT-13): recording them later changes no issued invoice
ALTER TABLE invoice ADD COLUMN buyer_reference VARCHAR(100);
ALTER TABLE invoice ADD COLUMN contract_reference VARCHAR(30);
ALTER TABLE invoice ADD COLUMN order_reference VARCHAR(50);
