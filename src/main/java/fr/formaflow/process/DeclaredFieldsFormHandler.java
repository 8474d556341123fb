package fr.formaflow.process;

import fr.formaflow.platform.BusinessRuleException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a submitted task form may write: only the fields its Camunda Form declares, each with a value of the field's
 * shape, and only on the task itself. Anything else (a routing variable, a dossier id, a funder's group) refuses the
 * whole submission with a French message before anything is written; read-only fields are ignored.
 */
final class DeclaredFieldsFormHandler implements TaskFormHandler {

    private final TaskFormHandler engineHandler;
    private final String formId;
    private final DeclaredForms forms;
    private final Supplier<ShownValues.Source> shown;

    DeclaredFieldsFormHandler(TaskFormHandler engineHandler, String formId, DeclaredForms forms, Supplier<ShownValues.Source> shown) {
        this.engineHandler = engineHandler;
        this.formId = formId;
        this.forms = forms;
        this.shown = shown;
    }

    /** The form as the engine describes it, plus the values it shows without storing them ({@link ShownValues}), computed only when read. */
    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
        TaskFormData data = engineHandler.createTaskForm(task);
        data.getFormFields().addAll(ShownValues.fields(shown.get(), task));
        return data;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment, ProcessDefinitionEntity processDefinition,
                                   BpmnParse bpmnParse) {
        engineHandler.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap values, VariableScope task) {
        FormFields form = formId == null ? null : forms.get(formId);
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            FormFields.Field field = form == null ? null : form.fields().get(key);
            if (field == null) {
                problems.add("« " + key + " » n'est pas un champ de ce formulaire.");
            } else if (!fits(field, values.getValueTyped(key))) {
                String problem = "« " + key + " » n'a pas la forme attendue ("
                        + (field.kind() == FormFields.Kind.VALUE ? "une seule valeur" : "une liste") + ").";
                problems.add(problem);
                byField.put(key, List.of(problem));
            }
        }
        if (!problems.isEmpty()) {
            String name = task instanceof TaskEntity entity && entity.getName() != null ? entity.getName() : "cette tâche";
            throw new BusinessRuleException("Le formulaire « " + name + " » a été refusé, rien n'a été enregistré :", problems, byField);
        }
        for (String key : values.keySet()) {
            if (!form.fields().get(key).readonly()) {
                task.setVariableLocal(key, values.getValueTyped(key));
            }
        }
    }

    /** A value field takes a text, number, boolean or date; a list takes JSON (text, Spin, or rows as maps). Never a Java-serialized object or a file. */
    private static boolean fits(FormFields.Field field, TypedValue value) {
        if (value == null || value.getType() == ValueType.NULL) {
            return true;
        }
        ValueType type = value.getType();
        if (type == null) {
            Object raw = value.getValue();
            return raw == null || (field.kind() == FormFields.Kind.VALUE
                    ? raw instanceof String || raw instanceof Number || raw instanceof Boolean || raw instanceof java.util.Date
                    : raw instanceof String || raw instanceof java.util.Collection || raw instanceof java.util.Map
                            || raw instanceof com.fasterxml.jackson.databind.JsonNode || raw instanceof org.camunda.spin.json.SpinJsonNode);
        }
        if (type == ValueType.FILE || type == ValueType.BYTES) {
            return false;
        }
        if (field.kind() == FormFields.Kind.VALUE) {
            return type.isPrimitiveValueType();
        }
        if (type == ValueType.OBJECT) {
            return value instanceof ObjectValue object && "application/json".equals(object.getSerializationDataFormat());
        }
        return type == ValueType.STRING || "json".equals(type.getName());
    }
}
