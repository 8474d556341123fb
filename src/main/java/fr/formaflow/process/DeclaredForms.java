package fr.formaflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every Camunda Form of forms/, by id, as the fields it declares (read once: the same files the engine deploys). */
public class DeclaredForms {

    private final Map<String, FormFields> forms = new HashMap<>();

    public DeclaredForms() {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    FormFields form = FormFields.read(in);
                    forms.put(form.formId(), form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The forms of forms/ could not be read", e);
        }
    }

    /** The form of this id; a user task whose form is missing accepts nothing. */
    public FormFields get(String formId) {
        FormFields form = forms.get(formId);
        if (form == null) {
            throw new IllegalStateException("No form « " + formId + " » in forms/");
        }
        return form;
    }

    public Map<String, FormFields> all() {
        return Map.copyOf(forms);
    }
}
