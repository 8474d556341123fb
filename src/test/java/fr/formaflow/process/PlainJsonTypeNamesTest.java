package fr.formaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormatMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@FormaflowTest
class PlainJsonTypeNamesTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    RuntimeService runtime;

    @Test
    void theEngineStoresTheFunderRulesUnderTheirPlainClassNameAndReadsThemBack() {
        TrainingAction action = new DossierDriver(context).create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Soudeur");

        ObjectValue stored = runtime.getVariableTyped(action.getProcessInstanceId(), "rules", false);
        assertThat(stored.getObjectTypeName()).isEqualTo("java.util.HashMap"); // the decision's result map
        assertThat(FunderRules.from(runtime.getVariable(action.getProcessInstanceId(), "rules")).confirmationDays()).isPositive();
    }

    @Test
    void untypedListsAndMapsGetTheirPlainNameAndComeBackEqual() {
        JacksonJsonDataFormatMapper mapper = configuredFormat().getMapper();
        Map<String, Object> row = new LinkedHashMap<>(Map.of("traineeId", 12, "present", true, "name", "Léa Martin"));
        List<Object> rows = new ArrayList<>(List.of(row, row));
        List<String> months = new ArrayList<>(List.of("2026-01", "2026-02"));

        for (Object value : List.of(row, new HashMap<>(row), rows, months, new ArrayList<>())) {
            String name = mapper.getCanonicalTypeName(value);
            assertThat(name).doesNotContain("<").isEqualTo(value.getClass().getName());
            Object back = mapper.mapInternalToJava(mapper.mapJavaToInternal(value), name);
            assertThat(back).isEqualTo(value).hasSameClassAs(value);
        }
    }

    @Test
    void typedParametersKeepSpinsGenericName() {
        JacksonJsonDataFormatMapper mapper = configuredFormat().getMapper();
        // told nothing, Jackson would read these numbers back as Integer and Double: the parameter must stay in the name
        assertThat(mapper.getCanonicalTypeName(new ArrayList<>(List.of(3L)))).isEqualTo("java.util.ArrayList<java.lang.Long>");
        assertThat(mapper.getCanonicalTypeName(new ArrayList<>(List.of(BigDecimal.ONE)))).isEqualTo("java.util.ArrayList<java.math.BigDecimal>");
        // and a collection Jackson cannot build keeps its own name too
        assertThat(mapper.getCanonicalTypeName(List.of("a"))).startsWith("java.util.ImmutableCollections");
    }

    private static JacksonJsonDataFormat configuredFormat() {
        JacksonJsonDataFormat format = new JacksonJsonDataFormat("application/json");
        new PlainJsonTypeNames().configure(format);
        return format;
    }
}
