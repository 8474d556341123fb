-- Issue 25: in portage the platform is the training organisation that contracts with and invoices the client
-- (seed 000), so the training agreement names it with its own activity declaration (NDA) and its mention
ALTER TABLE funder ADD COLUMN nda VARCHAR(11);
ALTER TABLE funder ADD COLUMN nda_region VARCHAR(100);
