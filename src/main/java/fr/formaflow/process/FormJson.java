package fr.formaflow.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Lists and option lists handed to Camunda Forms as JSON variables: Tasklist parses them into the form's
 * data (dynamic lists, select options) and sends them back as JSON.
 */
public final class FormJson {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private FormJson() {
    }

    public static TypedValue of(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Options of a select field: [{label, value}]. */
    public static TypedValue options(Map<String, String> valuesToLabels) {
        return of(valuesToLabels.entrySet().stream().map(e -> Map.of("value", e.getKey(), "label", e.getValue())).toList());
    }

    /** A row of a dynamic list; unlike Map.of, it keeps null values (empty fields) and the fields' order. */
    public static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    public static TypedValue rows(List<? extends Map<String, ?>> rows) {
        return of(rows);
    }
}
