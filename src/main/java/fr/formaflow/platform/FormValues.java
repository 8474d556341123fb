package fr.formaflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user submitted in a form, read with the types the domain needs. Values arrive as Tasklist sends
 * them: strings, numbers, booleans, and JSON for dynamic lists. A value that cannot be read is reported
 * in French with the field's label, never as a technical error.
 */
public class FormValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values;
    private final String prefix;
    /** For a row of a dynamic list, the list's key: a row's error concerns the list's field. */
    private final String listKey;

    public FormValues(Map<String, Object> values) {
        this(values, "", null);
    }

    private FormValues(Map<String, Object> values, String prefix, String listKey) {
        this.values = values;
        this.prefix = prefix;
        this.listKey = listKey;
    }

    /** A value of this field cannot be read: the French sentence, attached to the field (or to its list). */
    private BusinessRuleException refused(String key, String sentence) {
        return BusinessRuleException.about(listKey != null ? listKey : key, sentence);
    }

    public String string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        String text = value instanceof JsonNode node ? node.asText() : value.toString();
        return text.isBlank() ? null : text.trim();
    }

    /** One of the form's choices; anything else, or nothing, is refused with the French sentence given. */
    public String choice(String key, String refusal, String... allowed) {
        String value = string(key);
        if (value == null || !Arrays.asList(allowed).contains(value)) {
            throw refused(key, refusal);
        }
        return value;
    }

    public boolean bool(String key) {
        Object value = values.get(key);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof JsonNode node) {
            return node.asBoolean();
        }
        return value != null && "true".equalsIgnoreCase(value.toString().trim());
    }

    /** A yes/no answer that may be missing (null). */
    public Boolean optionalBool(String key) {
        return string(key) == null ? null : bool(key);
    }

    public LocalDate date(String key, String label) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            // form-js sends "2026-03-02"; the REST API may send a date-time
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw refused(key, prefix + "« " + label + " » : la date « " + text + " » n'est pas valide (format attendu : jj/mm/aaaa).");
        }
    }

    public BigDecimal decimal(String key, String label) {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.replace(" ", "").replace("\u202f", "").replace(',', '.'));
            if (value.precision() - value.scale() > 12 || value.scale() > 6) {
                throw refused(key, prefix + "« " + label + " » : « " + text + " » est hors des limites acceptées.");
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw refused(key, prefix + "« " + label + " » : « " + text + " » n'est pas un nombre.");
        }
    }

    public Integer integer(String key, String label) {
        BigDecimal value = decimal(key, label);
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw refused(key, prefix + "« " + label + " » doit être un nombre entier.");
        }
        if (value.abs().compareTo(BigDecimal.valueOf(1_000_000_000)) > 0) {
            throw refused(key, prefix + "« " + label + " » : « " + value.toPlainString() + " » est hors des limites acceptées.");
        }
        return value.intValueExact();
    }

    public Long longValue(String key, String label) {
        Integer value = integer(key, label);
        return value == null ? null : value.longValue();
    }

    /** An amount in euros (« 1 234,50 ») as cents, refusing more than two decimals. */
    public Long cents(String key, String label) {
        BigDecimal euros = decimal(key, label);
        if (euros == null) {
            return null;
        }
        if (euros.stripTrailingZeros().scale() > 2) {
            throw refused(key, prefix + "« " + label + " » : un montant a au plus deux décimales.");
        }
        return euros.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
    }

    /** The rows of a dynamic list; each row's errors name its line ("Ligne 3 : ..."). */
    public List<FormValues> list(String key) {
        JsonNode node = json(values.get(key));
        List<FormValues> rows = new ArrayList<>();
        if (node == null || !node.isArray()) {
            return rows;
        }
        int line = 1;
        for (JsonNode row : node) {
            Map<String, Object> fields = new LinkedHashMap<>();
            row.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue()));
            rows.add(new FormValues(fields, "Ligne " + line++ + " : ", key));
        }
        return rows;
    }

    private static JsonNode json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof JsonNode node) {
                return node;
            }
            if (value instanceof String text) {
                return JSON.readTree(text);
            }
            if (value instanceof Map || value instanceof List) {
                return JSON.valueToTree(value);
            }
            // Camunda Spin's JSON value: its toString() is the JSON text
            return JSON.readTree(value.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BusinessRuleException("Une liste du formulaire n'a pas pu être lue. Rechargez la tâche et recommencez.");
        }
    }
}
