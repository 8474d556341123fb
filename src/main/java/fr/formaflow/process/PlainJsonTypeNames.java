package fr.formaflow.process;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.impl.json.jackson.format.DefaultJsonJacksonTypeDetector;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.impl.json.jackson.format.ListJacksonJsonTypeDetector;
import org.camunda.spin.spi.DataFormatConfigurator;
import org.camunda.spin.spi.TypeDetector;

/**
 * Stores the list and map process variables (the funder rules, the months to declare) under their plain class name:
 * {@code java.util.HashMap} rather than {@code java.util.HashMap<java.lang.Object,java.lang.Object>}.
 * <p>
 * Why: to read a JSON variable back, Spin first tries {@code Class.forName} on its stored type name and only then parses
 * it as a generic type. A generic name never names a class, so each read made the class loader search every jar of the
 * class path before failing (2.4 % of a lifecycle dossier's CPU samples, at every read of {@code rules}). The plain name
 * is used only where the type parameters change nothing Jackson does anyway: {@code Object}, {@code String},
 * {@code Boolean}, and the {@code LinkedHashMap} and {@code ArrayList} it builds for JSON objects and arrays. Any other
 * value keeps Spin's own name; variables stored before keep theirs and still read as they did.
 * <p>
 * Registered for Spin through {@code META-INF/services/org.camunda.spin.spi.DataFormatConfigurator}.
 */
public class PlainJsonTypeNames implements DataFormatConfigurator<JacksonJsonDataFormat>, TypeDetector {

    private static final TypeDetector LISTS = new ListJacksonJsonTypeDetector();
    private static final TypeDetector OTHERS = new DefaultJsonJacksonTypeDetector();

    @Override
    public Class<JacksonJsonDataFormat> getDataFormatClass() {
        return JacksonJsonDataFormat.class;
    }

    @Override
    public void configure(JacksonJsonDataFormat format) {
        format.addTypeDetector(this); // ahead of Spin's own detectors
    }

    @Override
    public boolean canHandle(Object value) {
        Class<?> type = value.getClass();
        return (value instanceof Map<?, ?> || value instanceof Collection<?>)
                && type.getName().startsWith("java.util.") && Modifier.isPublic(type.getModifiers());
    }

    @Override
    public String detectType(Object value) {
        String generic = (value instanceof List<?> ? LISTS : OTHERS).detectType(value);
        JavaType type = TypeFactory.defaultInstance().constructFromCanonical(generic);
        return parametersAreUntyped(type) ? type.getRawClass().getName() : generic;
    }

    private static boolean parametersAreUntyped(JavaType type) {
        for (int i = 0; i < type.containedTypeCount(); i++) {
            if (!untyped(type.containedType(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether Jackson, told nothing, builds a value of this type from its JSON. */
    private static boolean untyped(JavaType type) {
        Class<?> raw = type.getRawClass();
        return raw == Object.class || raw == String.class || raw == Boolean.class
                || (raw == LinkedHashMap.class || raw == ArrayList.class) && parametersAreUntyped(type);
    }
}
