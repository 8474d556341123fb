-- PostgreSQL only: the dossier search finds its text anywhere in the contract number and title
-- (lower(contract_number || ' ' || title) like '%…%', see TrainingActionRepository) through a trigram index,
-- instead of reading every dossier. pg_trgm is a trusted extension: the database's owner may create it.
create extension if not exists pg_trgm;
create index training_action_search_text on training_action using gin (lower(contract_number || ' ' || title) gin_trgm_ops);
