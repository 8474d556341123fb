package fr.formaflow.bench;

import fr.formaflow.security.GroupAuthorizations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;

/**
 * Seeds a Formaflow PostgreSQL database with many dossiers, fast and with a valid engine state:
 * <ol>
 * <li>four template dossiers are driven through the real application ({@link ScaleTemplates}: one finished, three
 * running at different phases), all of the demo organisation Scènes et Formations and the Région Occitanie;</li>
 * <li>{@value #ORGANISATIONS} organisations in all are created (rows, Camunda groups and their Tasklist grants, by the
 * application's own {@link GroupAuthorizations});</li>
 * <li>the templates are cloned in SQL ({@link ScaleCloner}) to the requested numbers of finished and running dossiers,
 * clone {@code c} belonging to organisation {@code c mod 500}: each organisation, the demo one included, gets its share
 * of running dossiers, and the Région sees every dossier.</li>
 * </ol>
 * Clone numbers 1… are the running dossiers (the most recent ones), then the finished ones, older and older.
 */
final class ScaleSeed {

    static final int ORGANISATIONS = 500;
    private static final int CHUNK = 5_000;
    /** -Dformaflow.bench.scale.full-history=true: finished clones keep their audit trail too (~0.8 MB per dossier). */
    private static final boolean FULL_HISTORY = Boolean.getBoolean("formaflow.bench.scale.full-history");
    private static final String[] TITLES = {"Accessoiriste de spectacle", "Régisseur lumière", "Technicien son", "Machiniste constructeur",
            "Costumier habilleur", "Maquilleur de spectacle", "Régisseur général", "Électricien du spectacle", "Cariste de scène",
            "Gréeur", "Assistant de production", "Chargé de diffusion", "Projectionniste", "Décorateur peintre", "Perruquier posticheur",
            "Chef opérateur son", "Monteur vidéo", "Administrateur de compagnie", "Chargé de billetterie", "Agent de sécurité de salle"};
    private static final String[] ORGANISATION_WORDS = {"Atelier", "Institut", "Centre", "École", "Académie", "Maison", "Campus",
            "Conservatoire", "Compagnie", "Studio"};
    private static final String[] ORGANISATION_PLACES = {"Occitanie", "Cévennes", "Garrigues", "Camargue", "Lauragais", "Minervois",
            "Causses", "Pyrénées", "Lodévois", "Thau"};

    record Report(int dossiers, int finished, int running, double templateSeconds, double organisationSeconds, double cloneSeconds) {

        double totalSeconds() {
            return templateSeconds + organisationSeconds + cloneSeconds;
        }
    }

    private final ApplicationContext context;
    private final DataSource dataSource;

    ScaleSeed(ApplicationContext context) {
        this.context = context;
        this.dataSource = context.getBean(DataSource.class);
    }

    Report seed(int finished, int running, java.util.function.Consumer<String> log) throws SQLException {
        long start = System.nanoTime();
        ScaleTemplates.All templates = new ScaleTemplates(context).run();
        long templatesDone = System.nanoTime();
        log.accept("templates: " + templates);
        organisations();
        long organisationsDone = System.nanoTime();
        String node = templates.finished().processInstanceId().substring(templates.finished().processInstanceId().length() - 12);
        ScaleCloner cloner = new ScaleCloner(dataSource, node);
        cloner.prepare();
        String orgGroup;
        long orgId;
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("select id, group_id from organisation where id = (select organisation_id from training_action"
                     + " where id = " + templates.finished().actionId() + ")")) {
            rs.next();
            orgId = rs.getLong(1);
            orgGroup = rs.getString(2);
        }
        List<ScaleTemplates.Template> runningTemplates = List.of(templates.submitted(), templates.monthToDeclare(),
                templates.invoiceToValidate());
        int next = 1;
        int number = 0;
        for (ScaleTemplates.Template template : runningTemplates) {
            int count = (running - runningTemplates.size()) / runningTemplates.size() + (number == 0 ? (running - runningTemplates.size())
                    % runningTemplates.size() : 0);
            clone(cloner, template, ++number, orgGroup, orgId, next, count, false, log);
            next += count;
        }
        clone(cloner, templates.finished(), ++number, orgGroup, orgId, next, finished - 1, true, log);
        cloner.finish();
        long end = System.nanoTime();
        return new Report(finished + running, finished, running, (templatesDone - start) / 1e9, (organisationsDone - templatesDone) / 1e9,
                (end - organisationsDone) / 1e9);
    }

    private void clone(ScaleCloner cloner, ScaleTemplates.Template template, int number, String orgGroup, long orgId, int first,
                       int count, boolean finished, java.util.function.Consumer<String> log) throws SQLException {
        // running dossiers: a few minutes apart, the most recent first; finished ones: from three months back, 20 minutes apart
        String shift = finished ? "-(interval '90 days' + (g.c - " + first + ") * interval '20 minutes')" : "-(g.c * interval '3 minutes')";
        String titles = "(array['" + String.join("', '", List.of(TITLES)).replace("'", "''").replace("'', ''", "', '") + "'])";
        String clones = "insert into scale_clone (c, template, action_id, contract, org_id, org_group, org_name, title, shift, programming_year)"
                + " select g.c, " + number + ", 0, y.year || 'QCA' || lpad(g.c::text, 6, '0'), o.id, o.group_id, o.name,"
                + " " + titles + "[1 + g.c % " + TITLES.length + "], " + shift + ", y.year"
                + " from generate_series(" + first + ", " + (first + count - 1) + ") g(c)"
                + " join scale_org o on o.j = g.c % " + ORGANISATIONS
                + " cross join lateral (select extract(year from a.created_at + " + shift + " + interval '31 days')::int as year"
                + " from training_action a where a.id = " + template.actionId() + ") y";
        long start = System.nanoTime();
        // the finished dossiers without their audit trail: with it, 100 000 dossiers would weigh ~80 GB (see the report)
        cloner.cloneAll(template, number, orgGroup, orgId, first, count, CHUNK, clones, !finished || FULL_HISTORY, done -> {
            if (done % 10_000 < CHUNK || done == count) {
                log.accept(template.kind() + ": " + done + "/" + count + " clones, " + Math.round((System.nanoTime() - start) / 1e9) + " s");
            }
        });
    }

    /** The demo organisation (j = 0) and {@value #ORGANISATIONS} - 1 others like it, each with its Camunda groups. */
    private void organisations() throws SQLException {
        List<String[]> created = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create table scale_org (j int primary key, id bigint not null, group_id varchar(64) not null, name varchar(255) not null)");
            sql.execute("insert into scale_org select 0, id, group_id, name from organisation where siret = '"
                    + fr.formaflow.demo.DemoData.TITULAR_SIRET + "'");
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("select column_name from information_schema.columns where table_schema = 'public'"
                    + " and table_name = 'organisation' and column_name not in ('id', 'siret', 'name', 'group_id') order by ordinal_position")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            String words = "(array['" + String.join("', '", ORGANISATION_WORDS) + "'])";
            String places = "(array['" + String.join("', '", ORGANISATION_PLACES) + "'])";
            List<String> sirets = new ArrayList<>();
            for (int j = 1; j < ORGANISATIONS; j++) {
                // a valid SIREN (its own Luhn key), then establishment 0001 and the SIRET's key
                String siren = "9" + String.format("%07d", j);
                String digits = siren + fr.formaflow.organisation.Luhn.checkDigit(siren) + "0001";
                sirets.add("(" + j + ", '" + digits + fr.formaflow.organisation.Luhn.checkDigit(digits) + "')");
            }
            sql.execute("create temporary table scale_siret (j int, siret varchar(14)); insert into scale_siret values "
                    + String.join(", ", sirets));
            sql.execute("insert into organisation (siret, name, group_id, " + String.join(", ", columns) + ")"
                    + " select s.siret, " + words + "[1 + s.j % 10] || ' ' || " + places + "[1 + (s.j / 10) % 10] || ' ' || s.j,"
                    + " 'org_' || s.siret, " + String.join(", ", columns.stream().map(c -> "o." + c).toList())
                    + " from scale_siret s join organisation o on o.siret = '" + fr.formaflow.demo.DemoData.TITULAR_SIRET + "'");
            sql.execute("insert into scale_org select s.j, o.id, o.group_id, o.name from scale_siret s join organisation o on o.siret = s.siret");
            try (ResultSet rs = sql.executeQuery("select group_id, name from scale_org where j > 0")) {
                while (rs.next()) {
                    created.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        GroupAuthorizations groups = context.getBean(GroupAuthorizations.class);
        for (String[] organisation : created) {
            groups.ensureOrganisationGroup(organisation[0], organisation[1]);
        }
    }

    /** Row counts of the biggest tables, largest first. */
    static Map<String, Long> biggestTables(DataSource dataSource, int limit) throws SQLException {
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("select relname, n_live_tup from pg_stat_user_tables order by pg_total_relation_size(relid) desc"
                     + " limit " + limit)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }
}
