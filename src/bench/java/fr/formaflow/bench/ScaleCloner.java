package fr.formaflow.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import javax.sql.DataSource;

/**
 * Clones template dossiers in bulk, in SQL ({@code insert … select} over a table of clone numbers), into a valid
 * engine and domain state.
 *
 * <p>Every row of a template's process trees (the dossier's own instance, its called months and follow-ups, its offer's
 * publication) is copied, in the engine's runtime tables, history tables, variable byte arrays and instance grants;
 * and every row of the dossier's domain tables. Clone {@code c} rewrites:
 * <ul>
 * <li>the engine's instance-level ids (execution, task, variable, activity instance, job, byte array, history ids…):
 * they are time-based UUIDs that all end with the 12 hex digits of the generator's node, replaced by {@code c} in hex
 * ({@code ff_cid}); ids of definitions, deployments and job definitions are kept, so clones run the deployed models;</li>
 * <li>business keys, the variables naming the dossier (contract number, title, organisation, domain ids), candidate
 * groups and grants of the organisation's group;</li>
 * <li>domain ids: {@code id + c × stride}, stride being the table's largest id + 1 before cloning, and the foreign
 * keys to cloned tables likewise; unique numbers (contracts, invoices) get the clone's number;</li>
 * <li>timestamps: shifted back by the clone's age, so that dossiers spread over the years.</li>
 * </ul>
 * Documents are cloned without their content (no document_content row: the PDFs would weigh tens of GB): their rows, sizes and hashes are
 * those of the template's.
 */
final class ScaleCloner {

    /** Engine columns holding instance-level ids. */
    private static final Set<String> INSTANCE_IDS = Set.of("id_", "proc_inst_id_", "process_instance_id_", "execution_id_",
            "parent_id_", "super_exec_", "super_process_instance_id_", "root_proc_inst_id_", "task_id_", "parent_task_id_",
            "bytearray_id_", "act_inst_id_", "parent_act_inst_id_", "call_proc_inst_id_", "var_inst_id_", "var_scope_", "job_id_",
            "exception_stack_id_", "job_exception_stack_id_", "error_details_id_", "dec_inst_id_", "root_dec_inst_id_",
            "operation_id_", "cause_incident_id_", "root_cause_incident_id_", "ext_task_id_", "external_task_id_", "resource_id_",
            "last_failure_log_id_", "case_inst_id_", "case_execution_id_", "super_case_exec_", "super_case_instance_id_",
            "call_case_inst_id_");
    /** The audit trail (variable updates, job runs, user operations, rule evaluations): left out of finished clones if asked. */
    static final Set<String> AUDIT_TRAIL = Set.of("act_hi_detail", "act_hi_job_log", "act_hi_op_log", "act_hi_decinst", "act_hi_dec_in",
            "act_hi_dec_out", "domain_event");
    private static final List<String> RUNTIME = List.of("act_ge_bytearray", "act_ru_execution", "act_ru_task", "act_ru_variable", "act_ru_identitylink",
            "act_ru_job", "act_ru_event_subscr", "act_ru_incident", "act_ru_ext_task", "act_ru_authorization");
    /** Domain tables, parents first, with the column that ties a row to its dossier (directly or through its parent). */
    private static final Map<String, String> DOMAIN = new LinkedHashMap<>();

    static {
        DOMAIN.put("training_action", "id");
        for (String table : List.of("action_period", "action_client", "action_trainer", "action_subcontractor", "trainee", "rejection",
                "change_request", "monthly_declaration", "invoice", "subcontractor_invoice", "notification", "document",
                "half_day_attendance", "portage_invoice", "training_offer")) {
            DOMAIN.put(table, "action_id");
        }
        DOMAIN.put("domain_event", "dossier_id");
        DOMAIN.put("monthly_hours", "declaration_id");
        DOMAIN.put("absence", "declaration_id");
        DOMAIN.put("follow_up_survey", "trainee_id");
        DOMAIN.put("published_offer", "offer_id");
    }

    private static final Map<String, String> PARENT = Map.of("action_id", "training_action", "dossier_id", "training_action",
            "declaration_id", "monthly_declaration", "trainee_id", "trainee", "offer_id", "training_offer",
            "credited_invoice_id", "invoice", "deducted_in_invoice_id", "invoice");

    private final DataSource dataSource;
    private final String node;
    private final Map<String, Long> strides = new LinkedHashMap<>();
    private final List<String> droppedIndexes = new ArrayList<>();
    private boolean auditTrail;

    /** @param node the 12 hex digits that end every engine id of the templates */
    ScaleCloner(DataSource dataSource, String node) {
        this.dataSource = dataSource;
        this.node = node;
    }

    /** Creates the clone table and the id functions; records the domain strides. Call once, before any {@link #cloneAll}. */
    void prepare() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create or replace function ff_cid(v varchar, c int) returns varchar language sql immutable as $$"
                    + " select case when v like '%" + node + "' then left(v, length(v) - 12) || lpad(to_hex(c), 12, '0') else v end $$");
            sql.execute("create or replace function ff_uuid(v varchar, c int) returns varchar language sql immutable as $$"
                    + " select left(v, length(v) - 12) || lpad(to_hex(c), 12, '0') $$");
            sql.execute("create table if not exists scale_clone (c int primary key, template int not null, action_id bigint not null,"
                    + " contract varchar(20) not null, org_id bigint not null, org_group varchar(64) not null, org_name varchar(255) not null,"
                    + " title varchar(255) not null, shift interval not null, programming_year int not null)");
            // a bulk load: the secondary indexes of the cloned tables are built again once the rows are in
            try (ResultSet rs = sql.executeQuery("select i.indexname, i.indexdef from pg_indexes i where i.schemaname = 'public'"
                    + " and (i.tablename like 'act_hi_%' or i.tablename like 'act_ru_%' or i.tablename = 'act_ge_bytearray'"
                    + " or i.tablename in ('" + String.join("', '", DOMAIN.keySet()) + "'))"
                    + " and not exists (select 1 from pg_constraint c where c.conname = i.indexname)")) {
                while (rs.next()) {
                    droppedIndexes.add(rs.getString(2));
                }
            }
            for (String index : droppedIndexes) {
                sql.execute("drop index " + index.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
            }
            for (String table : DOMAIN.keySet()) {
                if (hasColumn(sql, table, "id") && !table.equals("domain_event")) {
                    strides.put(table, longValue(sql, "select coalesce(max(id), 0) + 1 from " + table));
                }
            }
        }
    }

    /**
     * Clones a template {@code count} times as clones {@code first … first + count - 1}, {@code chunk} clones per statement.
     * The clone rows (contract, organisation, title, age) are written to {@code scale_clone} by {@code clones}.
     */
    void cloneAll(ScaleTemplates.Template template, int templateNumber, String templateOrgGroup, long templateOrgId, int first,
                  int count, int chunk, String clonesInsert, boolean auditTrail, IntConsumer progress) throws SQLException {
        this.auditTrail = auditTrail;
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            sql.execute(clonesInsert);
            sql.execute("drop table if exists scale_tree; create table scale_tree as select id_ as pi, root_proc_inst_id_ as root"
                    + " from act_hi_procinst where root_proc_inst_id_ in (select id_ from act_hi_procinst where business_key_ in ('"
                    + template.contractNumber() + "', 'OFFRE-" + template.contractNumber() + "'))");
            List<String> statements = new ArrayList<>();
            for (String table : RUNTIME) {
                statements.add(engineInsert(sql, table, template, templateOrgGroup, templateNumber));
            }
            for (String table : tables(sql, "act_hi_%")) {
                if (hasColumn(sql, table, "root_proc_inst_id_") && !table.equals("act_hi_batch")
                        && (auditTrail || !AUDIT_TRAIL.contains(table))) {
                    statements.add(engineInsert(sql, table, template, templateOrgGroup, templateNumber));
                }
            }
            for (String table : DOMAIN.keySet()) {
                if (!auditTrail && AUDIT_TRAIL.contains(table)) {
                    continue;
                }
                statements.add(domainInsert(sql, table, template, templateOrgGroup, templateOrgId, templateNumber));
            }
            for (int from = first; from < first + count; from += chunk) {
                int to = Math.min(first + count, from + chunk) - 1;
                for (String statement : statements) {
                    long start = System.nanoTime();
                    sql.execute(statement.replace(":from", String.valueOf(from)).replace(":to", String.valueOf(to)));
                    if (Boolean.getBoolean("formaflow.bench.scale.trace")) {
                        System.out.printf("[scale seed] %.1f s, %s rows: %s%n", (System.nanoTime() - start) / 1e9, sql.getUpdateCount(),
                                statement.substring(0, 40));
                    }
                }
                progress.accept(to - first + 1);
            }
        }
    }

    /** Lets the application go on numbering after the clones, and gives the planner its statistics. */
    void finish() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            for (String index : droppedIndexes) {
                sql.execute(index);
            }
            for (String table : strides.keySet()) {
                sql.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))");
            }
            sql.execute("vacuum analyze");
        }
    }

    private String engineInsert(Statement sql, String table, ScaleTemplates.Template template, String orgGroup, int templateNumber)
            throws SQLException {
        List<String> columns = columns(sql, table);
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            values.add(engineValue(table, column, template, orgGroup));
        }
        String tree = "(select pi from scale_tree)";
        String where = switch (table) {
            case "act_ru_identitylink" -> "x.task_id_ in (select id_ from act_ru_task where proc_inst_id_ in " + tree + ")";
            // the grants of the dossier's instances, and those the engine gave to candidate groups on each task
            case "act_ru_authorization" -> "(x.resource_id_ in " + tree + " or x.resource_id_ in (select id_ from act_hi_taskinst"
                    + " where root_proc_inst_id_ in " + tree + "))";
            // history's byte arrays name their root instance, the runtime variables' ones do not
            case "act_ge_bytearray" -> "x.deployment_id_ is null and (" + (auditTrail ? "x.root_proc_inst_id_ in " + tree
                    : "x.id_ in (select bytearray_id_ from act_hi_varinst where root_proc_inst_id_ in " + tree + ")")
                    + " or x.id_ in (select bytearray_id_ from act_ru_variable where proc_inst_id_ in " + tree + "))";
            case "act_ru_job" -> "x.process_instance_id_ in " + tree;
            default -> columns.contains("proc_inst_id_") ? "x.proc_inst_id_ in " + tree
                    : columns.contains("root_proc_inst_id_") ? "x.root_proc_inst_id_ in " + tree : "false";
        };
        return insert(sql, table, columns, values, where, templateNumber);
    }

    private String engineValue(String table, String column, ScaleTemplates.Template template, String orgGroup) {
        String x = "x." + column;
        boolean variable = table.equals("act_ru_variable") || table.equals("act_hi_varinst") || table.equals("act_hi_detail");
        if (variable && (column.equals("text_") || column.equals("long_"))) {
            String id = "(x." + column + (column.equals("text_") ? "::bigint" : "") + " + k.c * %d)" + (column.equals("text_") ? "::varchar" : "");
            return "case when x.name_ = 'dossierId' then " + id.formatted(strides.get("training_action"))
                    + " when x.name_ = 'invoiceId' then " + id.formatted(strides.get("invoice"))
                    + " when x.name_ = 'traineeId' then " + id.formatted(strides.get("trainee"))
                    + " when x.name_ = 'offerId' then " + id.formatted(strides.get("training_offer"))
                    + " when x.name_ = 'organisationId' then " + (column.equals("long_") ? "k.org_id" : "k.org_id::varchar")
                    + (column.equals("text_") ? " when x.name_ = 'contractNumber' then k.contract"
                    + " when x.name_ = 'organisationGroup' then k.org_group when x.name_ = 'organisationName' then k.org_name"
                    + " when x.name_ = 'actionTitle' then k.title" : "")
                    + " else " + x + " end";
        }
        if (INSTANCE_IDS.contains(column)) {
            return "ff_cid(" + x + ", k.c)";
        }
        if (column.equals("business_key_")) {
            return "replace(" + x + ", '" + template.contractNumber() + "', k.contract)";
        }
        if (column.equals("group_id_")) {
            return "case when " + x + " = '" + orgGroup + "' then k.org_group else " + x + " end";
        }
        if (column.endsWith("time_") || column.equals("timestamp_") || column.equals("due_date_") || column.equals("duedate_")
                || column.equals("created_") || column.equals("last_updated_")) {
            return x + " + k.shift";
        }
        return x;
    }

    private String domainInsert(Statement sql, String table, ScaleTemplates.Template template, String orgGroup, long orgId,
                                int templateNumber) throws SQLException {
        List<String> columns = columns(sql, table);
        Map<String, String> types = types(sql, table);
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            values.add(domainValue(table, column, types.get(column), orgGroup, orgId));
        }
        String owner = DOMAIN.get(table);
        String where = owner.equals("id") ? "x.id = " + template.actionId()
                : PARENT.get(owner).equals("training_action") ? "x." + owner + " = " + template.actionId()
                : "x." + owner + " in (" + ownedIds(PARENT.get(owner), template.actionId()) + ")";
        return insert(sql, table, columns, values, where, templateNumber);
    }

    private String ownedIds(String table, long actionId) {
        String owner = DOMAIN.get(table);
        return owner.equals("action_id") ? "select id from " + table + " where action_id = " + actionId
                : "select id from " + table + " where " + owner + " in (" + ownedIds(PARENT.get(owner), actionId) + ")";
    }

    private String domainValue(String table, String column, String type, String orgGroup, long orgId) {
        String x = "x." + column;
        if (column.equals("id") && table.equals("domain_event")) {
            return "ff_uuid(" + x + ", k.c)";
        }
        if (column.equals("id") && strides.containsKey(table)) {
            return x + " + k.c * " + strides.get(table);
        }
        if (PARENT.containsKey(column)) {
            return x + " + k.c * " + strides.get(PARENT.get(column));
        }
        return switch (column) {
            case "contract_number" -> "k.contract";
            case "title" -> table.equals("training_action") ? "k.title" : x;
            case "programming_year" -> "k.programming_year";
            case "organisation_id", "issuer_id" -> "case when " + x + " = " + orgId + " then k.org_id else " + x + " end";
            case "group_id" -> "case when " + x + " = '" + orgGroup + "' then k.org_group else " + x + " end";
            case "process_instance_id" -> "ff_cid(" + x + ", k.c)";
            case "number" -> x + " || '-' || k.c";
            default -> type.startsWith("timestamp") ? x + " + k.shift" : x;
        };
    }

    /**
     * The template's rows are set aside first (a temporary table), so that each chunk reads them and not the whole,
     * growing table; returns the statement that inserts a chunk's clones.
     */
    private static String insert(Statement sql, String table, List<String> columns, List<String> values, String where,
                                 int templateNumber) throws SQLException {
        sql.execute("drop table if exists tpl_" + table + "; create temporary table tpl_" + table + " as select x.* from " + table
                + " x where " + where);
        return "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                + " from tpl_" + table + " x join scale_clone k on k.template = " + templateNumber + " and k.c between :from and :to";
    }

    private static List<String> columns(Statement sql, String table) throws SQLException {
        return new ArrayList<>(types(sql, table).keySet());
    }

    private static Map<String, String> types(Statement sql, String table) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (ResultSet rs = sql.executeQuery("select column_name, data_type from information_schema.columns where table_schema = 'public'"
                + " and table_name = '" + table + "' order by ordinal_position")) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getString(2));
            }
        }
        return types;
    }

    private static List<String> tables(Statement sql, String pattern) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("select table_name from information_schema.tables where table_schema = 'public'"
                + " and table_name like '" + pattern + "' order by 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static boolean hasColumn(Statement sql, String table, String column) throws SQLException {
        return types(sql, table).containsKey(column);
    }

    static long longValue(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
