package fr.formaflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the application's {@code -Xlog:gc} says about its whole life: the peak heap, the pauses. */
record GcLog(String collector, long pauses, double pauseMillis, double maxPauseMillis, long peakUsedMiB, long peakCommittedMiB) {

    private static final Pattern PAUSE = Pattern.compile("Pause .*? (\\d+)M->(\\d+)M\\((\\d+)M\\) ([0-9.]+)ms");
    private static final Pattern COLLECTOR = Pattern.compile("Using (.+)$");

    static GcLog read(Path log) throws IOException {
        String collector = "?";
        long pauses = 0;
        double total = 0;
        double max = 0;
        long peakUsed = 0;
        long peakCommitted = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher using = COLLECTOR.matcher(line);
            if (using.find()) {
                collector = using.group(1);
            }
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                pauses++;
                double millis = Double.parseDouble(pause.group(4));
                total += millis;
                max = Math.max(max, millis);
                peakUsed = Math.max(peakUsed, Long.parseLong(pause.group(1)));
                peakCommitted = Math.max(peakCommitted, Long.parseLong(pause.group(3)));
            }
        }
        return new GcLog(collector, pauses, total, max, peakUsed, peakCommitted);
    }
}
