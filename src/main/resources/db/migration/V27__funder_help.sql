-- Where a funder's organisations get help (issue 24): service, days and hours, phone, e-mail, what to quote
ALTER TABLE funder ADD COLUMN help_service VARCHAR(120);
ALTER TABLE funder ADD COLUMN help_hours VARCHAR(120);
ALTER TABLE funder ADD COLUMN help_phone VARCHAR(30);
ALTER TABLE funder ADD COLUMN help_email VARCHAR(120);
ALTER TABLE funder ADD COLUMN help_quote VARCHAR(255);
