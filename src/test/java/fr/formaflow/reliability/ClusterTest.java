package fr.formaflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two nodes on one PostgreSQL database, both with their job executor on (the docker-compose topology): users are
 * spread over both; every timer and every asynchronous job runs exactly once, counted by its side effects; both
 * nodes show the same state.
 */
class ClusterTest {

    static final int CONTRACTS = 10;
    static final int ACCESS_REQUESTS = 6;

    @Test
    void timersAndJobsRunOnceAndBothNodesAgree() throws Exception {
        PostgresTestServer server = PostgresTestServer.shared();
        server.createDatabase("cluster_test");
        try (Node first = new Node("cluster_test", "cluster-node-1").start(); Node second = new Node("cluster_test", "cluster-node-2").start()) {
            WebClient[] nodes = {first.client(), second.client()};

            // contracts that ended yesterday: once funded, their end timer is due at once, on whichever node takes it
            List<JsonNode> contracts = new ArrayList<>();
            for (int i = 0; i < CONTRACTS; i++) {
                WebClient node = nodes[i % 2];
                JsonNode contract = Load.receiveContract(node, true, LocalDate.now().minusYears(1), LocalDate.now().minusDays(1));
                assertThat(contract).isNotNull();
                assertThat(Load.submitTask(nodes[(i + 1) % 2], "julien.morel", contract.at("/contract/opcoActionNumber").asText(),
                        "{\"decision\":{\"value\":\"ACCEPT\"}}")).isTrue();
                contracts.add(contract);
            }
            // access requests approved on both nodes: each sends its activation e-mail from an asynchronous job
            List<String> requesters = new ArrayList<>();
            for (int i = 0; i < ACCESS_REQUESTS; i++) {
                String email = "cluster" + i + "@organisme" + i + ".fr";
                String siret = Load.siret(7_770_000_000_000L + i * 10L);
                var request = nodes[i % 2].call(null, null, "POST", "/public/access-requests", """
                        {"siret":"%s","funderCode":"OCCITANIE","user":{"email":"%s","firstName":"Camille","lastName":"Cluster"},
                         "organisation":{"name":"Organisme %d","nda":"76341234534","ndaRegion":"Occitanie","fpc":true,"cfa":false,
                          "forProfit":false,"vatLiable":false,"area":"Hérault","street":"1 rue Haute","postcode":"34000","city":"Montpellier",
                          "phone":"0467000000","email":"contact@organisme%d.fr","contactName":"Camille Cluster"}}""".formatted(siret, email, i, i));
                assertThat(request.statusCode()).as(request.body()).isEqualTo(202);
                // the review task is created by the request's asynchronous start, on either node's job executor
                int node = (i + 1) % 2;
                assertThat(Load.eventually(() -> Load.submitTask(nodes[node], "claire.fabre", email, "{\"decision\":{\"value\":\"APPROVE\"}}")))
                        .isTrue();
                requesters.add(email);
            }

            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("cluster_test"), server.username(), "")) {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
                while (running(jdbc) > 0 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(500);
                }
                assertThat(running(jdbc)).as("contracts and requests still running").isZero();
                for (JsonNode contract : contracts) {
                    String instance = jdbc.queryForObject("select process_instance_id from apprenticeship_contract where id = ?", String.class,
                            contract.at("/contract/id").asLong());
                    assertThat(count(jdbc, instance, "Timer_ContractEnd")).as("timer of " + instance).isOne();
                    assertThat(count(jdbc, instance, "End_ContractCompleted")).isOne();
                }
                for (String email : requesters) {
                    assertThat(jdbc.queryForObject("select count(*) from account_token where user_id = ?", Long.class, email))
                            .as("activation e-mails sent to " + email).isOne();
                }
                System.out.printf("Cluster test: %d contract-end timers and %d e-mail jobs, each run once, over two nodes%n",
                        CONTRACTS, ACCESS_REQUESTS);
            }

            // two advisers decide the same contract at the same instant, one on each node: one wins, the other is told why
            JsonNode contested = Load.receiveContract(nodes[0], true, LocalDate.now().plusMonths(1), LocalDate.now().plusYears(2));
            String key = contested.at("/contract/opcoActionNumber").asText();
            String taskId = Load.read(nodes[0].call("julien.morel", Load.PASSWORD, "GET", "/engine-rest/task?processInstanceBusinessKey=" + key, null)
                    .body()).get(0).get("id").asText();
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService advisers = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<java.net.http.HttpResponse<String>>> decisions = new ArrayList<>();
            for (WebClient node : nodes) {
                decisions.add(advisers.submit(() -> {
                    together.await();
                    return node.call("julien.morel", Load.PASSWORD, "POST", "/engine-rest/task/" + taskId + "/submit-form",
                            "{\"variables\":{\"decision\":{\"value\":\"ACCEPT\"}}}");
                }));
            }
            List<java.net.http.HttpResponse<String>> answers = new ArrayList<>();
            for (var decision : decisions) {
                answers.add(decision.get());
            }
            advisers.shutdown();
            assertThat(answers).filteredOn(r -> r.statusCode() == 204).hasSize(1);
            assertThat(answers).filteredOn(r -> r.statusCode() != 204).singleElement().satisfies(loser -> {
                assertThat(loser.statusCode()).as(loser.body()).isBetween(400, 499);
                assertThat(loser.body()).containsAnyOf("vient d'être modifiée ou terminée par une autre personne", "elle a déjà été terminée");
            });
            JsonNode states = Load.read(nodes[1].call("sophie.martin", Load.PASSWORD, "GET",
                    "/api/apprenticeship-contracts/" + contested.at("/contract/id").asLong(), null).body()).get("states");
            assertThat(states.findValuesAsText("state")).containsExactly("RECEIVED", "IN_REVIEW", "IN_PROGRESS");

            // users on either node see the same state
            for (JsonNode contract : contracts) {
                String path = "/api/apprenticeship-contracts/" + contract.at("/contract/id").asLong();
                assertThat(nodes[0].call("sophie.martin", Load.PASSWORD, "GET", path, null).body())
                        .isEqualTo(nodes[1].call("sophie.martin", Load.PASSWORD, "GET", path, null).body());
            }
        }
    }

    private static long running(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                select count(*) from act_ru_execution where parent_id_ is null
                and proc_def_id_ in (select id_ from act_re_procdef where key_ in ('apprenticeshipContract', 'organisationOnboarding'))""", Long.class);
    }

    private static long count(JdbcTemplate jdbc, String instance, String activity) {
        return jdbc.queryForObject("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ?", Long.class, instance, activity);
    }
}
