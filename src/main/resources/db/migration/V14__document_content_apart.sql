-- A document's bytes in a table of their own: listing a dossier's documents (checklists, consistency checks, the
-- dossier page) no longer reads every PDF, and saving the dossier no longer compares them byte by byte.
create table document_content (
    document_id bigint primary key references document (id) on delete cascade,
    content     bytea not null
);
insert into document_content (document_id, content) select id, content from document;
alter table document drop column content;
