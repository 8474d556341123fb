package fr.formaflow.process.delegates;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Due dates shown in Tasklist (and used by its "En retard" filter): each comes from the funder's rules. */
@Component
public class DueDates {

    static final int SURVEY_DAYS = 30;

    public Optional<LocalDate> of(String kind, DelegateTask task) {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneId.systemDefault());
        return switch (kind) {
            case "validation" -> Optional.of(today.plusDays(validationDays(task)));
            case "declaration" -> Optional.ofNullable((String) task.getVariable("declarationDeadline")).map(LocalDate::parse);
            case "survey" -> Optional.of(today.plusDays(SURVEY_DAYS));
            default -> throw new IllegalStateException("Unknown due date kind " + kind);
        };
    }

    private static int validationDays(DelegateTask task) {
        Object rules = task.getVariable("rules");
        if (rules instanceof Map<?, ?> map && map.get("validationDays") instanceof Number days) {
            return days.intValue();
        }
        Object days = task.getVariable("validationDays");
        return days instanceof Number n ? n.intValue() : 10;
    }
}
