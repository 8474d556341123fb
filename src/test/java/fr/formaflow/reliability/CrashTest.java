package fr.formaflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A crash: a node on PostgreSQL serves users (contracts received, the CFA's and the adviser's tasks completed, dossiers
 * created) when it is killed with kill -9. After a restart, every step that was acknowledged (HTTP 2xx) is done,
 * no process is left without a task or a job, and the number series have neither gaps nor duplicates.
 */
class CrashTest {

    enum Step { RECEIVED, ITEMS_SENT, FUNDED }

    @Test
    void acknowledgedWorkSurvivesAKillMinus9() throws Exception {
        PostgresTestServer server = PostgresTestServer.shared();
        server.createDatabase("crash_test");
        Map<String, Step> acknowledged = new ConcurrentHashMap<>();
        List<String> dossiers = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);

        try (Node node = new Node("crash_test", "crash-node").start()) {
            WebClient http = node.client();
            ExecutorService users = Executors.newFixedThreadPool(4);
            for (int user = 0; user < 4; user++) {
                users.submit(() -> {
                    while (running.get()) {
                        try {
                            var dossier = http.call("marie.durand", Load.PASSWORD, "POST", "/api/dossiers",
                                    "{\"funderCode\":\"OCCITANIE\",\"title\":\"Charge\"}");
                            if (dossier.statusCode() == 201) {
                                dossiers.add(Load.read(dossier.body()).get("contractNumber").asText());
                            }
                            JsonNode contract = Load.receiveContract(http, false, LocalDate.now().plusMonths(1), LocalDate.now().plusYears(2));
                            if (contract == null) {
                                continue;
                            }
                            String key = contract.at("/contract/opcoActionNumber").asText();
                            acknowledged.put(key, Step.RECEIVED);
                            if (Load.submitTask(http, "sophie.martin", key, "{\"cerfaSigned\":{\"value\":true}}")) {
                                acknowledged.put(key, Step.ITEMS_SENT);
                                if (Load.submitTask(http, "julien.morel", key, "{\"decision\":{\"value\":\"ACCEPT\"}}")) {
                                    acknowledged.put(key, Step.FUNDED);
                                }
                            }
                        } catch (RuntimeException connectionLost) {
                            // the node is gone: keep trying until the test stops the users
                        }
                    }
                });
            }
            // kill in the middle of the work once some is acknowledged, however loaded this machine is
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (acknowledged.size() < 8 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(500);
            node.kill();
            running.set(false);
            users.shutdown();
            assertThat(users.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            assertThat(acknowledged).as("work acknowledged before the crash").hasSizeGreaterThan(5);
            System.out.printf("Crash test: killed with %d contracts acknowledged (%d funded, %d items sent), %d dossiers created%n",
                    acknowledged.size(), acknowledged.values().stream().filter(s -> s == Step.FUNDED).count(),
                    acknowledged.values().stream().filter(s -> s == Step.ITEMS_SENT).count(), dossiers.size());

            node.start();
            for (Map.Entry<String, Step> ack : acknowledged.entrySet()) {
                JsonNode found = Load.read(http.call("sophie.martin", Load.PASSWORD, "GET", "/api/apprenticeship-contracts?q=" + ack.getKey(), null).body());
                assertThat(found).as(ack.getKey()).hasSize(1);
                String state = found.get(0).get("state").asText();
                switch (ack.getValue()) {
                    case RECEIVED -> assertThat(state).as(ack.getKey()).isIn("PENDING", "IN_REVIEW", "IN_PROGRESS");
                    case ITEMS_SENT -> assertThat(state).as(ack.getKey()).isIn("IN_REVIEW", "IN_PROGRESS");
                    case FUNDED -> assertThat(state).as(ack.getKey()).isEqualTo("IN_PROGRESS");
                }
            }
            String dossierList = http.call("marie.durand", Load.PASSWORD, "GET", "/api/dossiers", null).body();
            dossiers.forEach(number -> assertThat(dossierList).contains(number));
        }

        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("crash_test"), server.username(), "")) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            assertGapFree(jdbc.queryForList("select opco_action_number from apprenticeship_contract", String.class), "OPS-\\d{4}-");
            assertGapFree(jdbc.queryForList("select contract_number from training_action", String.class), "\\d{4}QCA");
            // no process left without a task or a job to move it on
            List<String> stuck = jdbc.queryForList("""
                    select p.proc_inst_id_ from act_ru_execution p where p.parent_id_ is null
                    and not exists (select 1 from act_ru_task t where t.proc_inst_id_ = p.proc_inst_id_)
                    and not exists (select 1 from act_ru_job j where j.process_instance_id_ = p.proc_inst_id_)""", String.class);
            assertThat(stuck).as("process instances waiting for nothing").isEmpty();
        }
    }

    /** Numbers 1..n, each once: a crashed transaction gave its number back. */
    static void assertGapFree(List<String> numbers, String prefix) {
        List<Integer> sequence = numbers.stream().map(n -> Integer.parseInt(n.replaceFirst(prefix, ""))).sorted().toList();
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).as("number " + (i + 1) + " of " + numbers).isEqualTo(i + 1);
        }
    }
}
