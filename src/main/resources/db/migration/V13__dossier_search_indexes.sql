-- The dossier search (GET /api/dossiers/search): the visible dossiers newest first, one page at a time.
-- An organisation's dossiers, a funder's dossiers, and every dossier (operators), each already in the page's order.
create index training_action_organisation_recent on training_action (organisation_id, created_at desc, id desc);
create index training_action_funder_recent on training_action (funder_id, created_at desc, id desc);
create index training_action_recent on training_action (created_at desc, id desc);
