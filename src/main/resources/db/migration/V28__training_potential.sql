-- The organisation's « potentiel de formation » (issue 24, seed 004): the record it validates at least once a year
ALTER TABLE organisation_listing ADD COLUMN presentation VARCHAR(3000);
ALTER TABLE organisation_listing ADD COLUMN formacodes VARCHAR(200);
ALTER TABLE organisation_listing ADD COLUMN sites VARCHAR(2000);
ALTER TABLE organisation_listing ADD COLUMN accessibility VARCHAR(250);
ALTER TABLE organisation_listing ADD COLUMN registration_contact VARCHAR(255);
ALTER TABLE organisation_listing ADD COLUMN registration_phone VARCHAR(30);
ALTER TABLE organisation_listing ADD COLUMN registration_email VARCHAR(255);
ALTER TABLE organisation_listing ADD COLUMN trainers INTEGER;
