-- Mentions the generated documents and Factur-X invoices need (issue 25)
-- an action co-funded by the European Social Fund: its certificates carry the 10-year retention sentence
ALTER TABLE training_action ADD COLUMN esf_cofunded BOOLEAN DEFAULT FALSE NOT NULL;
-- the seller's identity on invoices: intra-EU VAT number, legal form, share capital, RCS, bank account
ALTER TABLE organisation ADD COLUMN vat_number VARCHAR(20);
ALTER TABLE organisation ADD COLUMN legal_form VARCHAR(60);
ALTER TABLE organisation ADD COLUMN share_capital_cents BIGINT;
ALTER TABLE organisation ADD COLUMN rcs VARCHAR(80);
ALTER TABLE organisation ADD COLUMN iban VARCHAR(34);
ALTER TABLE organisation ADD COLUMN bic VARCHAR(11);
