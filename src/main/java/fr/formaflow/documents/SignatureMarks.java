package fr.formaflow.documents;

import fr.formaflow.attendance.Schedule;
import fr.formaflow.attendance.Signatures.SignedHalfDay;
import fr.formaflow.platform.French;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the filled attendance sheet shows for the half-days signed electronically: « signé le 05/01/2026 à 09:02 » in the
 * trainee's box, and in the row of the trainer who signed. Plain Java.
 */
final class SignatureMarks {

    static final SignatureMarks NONE = new SignatureMarks(List.of());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Map<String, String> trainees = new HashMap<>();
    private final Map<String, String> trainers = new HashMap<>();

    SignatureMarks(List<SignedHalfDay> signed) {
        for (SignedHalfDay h : signed) {
            trainees.put(h.traineeId() + "|" + h.day() + "|" + h.half(), signedAt(h.traineeSignedAt()));
            if (h.complete()) {
                trainers.put(h.trainerId() + "|" + h.day() + "|" + h.half(), signedAt(h.trainerSignedAt()));
            }
        }
    }

    /** The trainee's electronic signature of the half-day, or null when they did not sign it electronically. */
    String trainee(Long traineeId, LocalDate day, Schedule.Half half) {
        return trainees.get(traineeId + "|" + day + "|" + half);
    }

    /** This trainer's electronic signature of the half-day (the first trainer's to sign it), or null. */
    String trainer(Long trainerId, LocalDate day, Schedule.Half half) {
        return trainers.get(trainerId + "|" + day + "|" + half);
    }

    static String signedAt(LocalDateTime at) {
        return "signé le " + French.date(at.toLocalDate()) + " à " + TIME.format(at);
    }
}
