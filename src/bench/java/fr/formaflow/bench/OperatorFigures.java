package fr.formaflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * What the operators' own reads cost on a seeded database: Prometheus's scrape ({@code /actuator/prometheus}) and the
 * dashboard's figures ({@code /api/dashboard}), each asked in turn as {@code operateur}, timed by the client.
 * <p>
 * {@code java -cp "target/test-classes:target/classes:$(cat cp)" fr.formaflow.bench.OperatorFigures <jdbc url> [rounds]}
 * (6 rounds by default), on a database that {@link ScaleStatements} seeded and kept ({@code -Dformaflow.bench.scale.keep=true}).
 */
public final class OperatorFigures {

    private OperatorFigures() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        try (ScaleApp app = new ScaleApp(args[0], System.getProperty(ScaleBenchmarks.USER, "postgres"))) {
            HttpClient http = HttpClient.newHttpClient();
            String operator = ScaleBenchmarks.basic("operateur");
            for (int round = 1; round <= rounds; round++) {
                for (String path : new String[] {"/actuator/prometheus", "/api/dashboard"}) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port + path))
                            .header("Authorization", operator).GET().build(), HttpResponse.BodyHandlers.ofString());
                    System.out.printf("round %d, %s: HTTP %d, %d ms%n", round, path, response.statusCode(),
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        System.exit(0);
    }
}
