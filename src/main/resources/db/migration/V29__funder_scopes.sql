-- Formiris (seed 001, issue 24): a regional dossier is handled by the association territoriale, a national one by the
-- head office, each with its own validators. The dossier keeps its scope and the group of the validators who handle it.
ALTER TABLE funder ADD COLUMN national_validator_group_id VARCHAR(64);
ALTER TABLE funder ADD CONSTRAINT funder_national_validator_group_unique UNIQUE (national_validator_group_id);
ALTER TABLE training_action ADD COLUMN scope VARCHAR(20);
ALTER TABLE training_action ADD COLUMN validator_group_id VARCHAR(64);
UPDATE training_action SET validator_group_id = (SELECT f.validator_group_id FROM funder f WHERE f.id = training_action.funder_id);
ALTER TABLE training_action ALTER COLUMN validator_group_id SET NOT NULL;
CREATE INDEX training_action_validators_recent ON training_action (validator_group_id, created_at DESC, id DESC);
-- where the questions about a dossier go, by scope: the regional proximity site, the head office's service gestion
ALTER TABLE funder ADD COLUMN regional_help_service VARCHAR(120);
ALTER TABLE funder ADD COLUMN regional_help_hours VARCHAR(120);
ALTER TABLE funder ADD COLUMN regional_help_phone VARCHAR(30);
ALTER TABLE funder ADD COLUMN regional_help_email VARCHAR(120);
ALTER TABLE funder ADD COLUMN regional_help_quote VARCHAR(255);
ALTER TABLE funder ADD COLUMN national_help_service VARCHAR(120);
ALTER TABLE funder ADD COLUMN national_help_hours VARCHAR(120);
ALTER TABLE funder ADD COLUMN national_help_phone VARCHAR(30);
ALTER TABLE funder ADD COLUMN national_help_email VARCHAR(120);
ALTER TABLE funder ADD COLUMN national_help_quote VARCHAR(255);
