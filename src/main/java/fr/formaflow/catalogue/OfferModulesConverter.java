package fr.formaflow.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** Modules are stored as a small JSON array in their offer's row: they are always read and written with it. */
@Converter
public class OfferModulesConverter implements AttributeConverter<List<OfferModule>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(List<OfferModule> modules) {
        try {
            return modules == null || modules.isEmpty() ? null : JSON.writeValueAsString(modules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<OfferModule> convertToEntityAttribute(String text) {
        try {
            return text == null ? List.of() : JSON.readValue(text, new TypeReference<List<OfferModule>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
