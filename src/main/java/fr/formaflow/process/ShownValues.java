package fr.formaflow.process;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.form.FormType;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Read-only values a task form shows, computed once and only when a form's variables are read: Tasklist asks for the
 * form (GET /task/{id}/form) and for its variables separately, and only the second needs them.
 */
final class ShownValues {

    /** Which values a task's form shows (known without reading anything) and what they are (read from the domain). */
    interface Source {

        Set<String> keys(DelegateTask task);

        Map<String, Object> values(DelegateTask task);
    }

    private final Supplier<Map<String, Object>> compute;
    private Map<String, Object> values;

    private ShownValues(Supplier<Map<String, Object>> compute) {
        this.compute = compute;
    }

    /** One form field per shown value of the task, each computed on its first read. */
    static List<FormField> fields(Source source, DelegateTask task) {
        ShownValues shown = new ShownValues(() -> source.values(task));
        return source.keys(task).stream().map(id -> (FormField) shown.new Field(id)).toList();
    }

    private TypedValue value(String id) {
        if (values == null) {
            values = compute.get();
        }
        Object value = values.get(id);
        if (value == null || value instanceof TypedValue) {
            return (TypedValue) value;
        }
        return Variables.stringValue(value.toString());
    }

    private final class Field implements FormField {

        private final String id;

        Field(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getLabel() {
            return id;
        }

        @Override
        public FormType getType() {
            return null;
        }

        @Override
        public String getTypeName() {
            return null;
        }

        @Override
        public Object getDefaultValue() {
            return null;
        }

        @Override
        public TypedValue getValue() {
            return value(id);
        }

        @Override
        public List<FormFieldValidationConstraint> getValidationConstraints() {
            return List.of();
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public boolean isBusinessKey() {
            return false;
        }
    }
}
