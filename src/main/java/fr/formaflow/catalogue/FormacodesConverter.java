package fr.formaflow.catalogue;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** A potential's Formacodes in one column, separated by spaces (25 codes of 5 digits at most). */
@Converter
public class FormacodesConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> codes) {
        return codes == null || codes.isEmpty() ? null : String.join(" ", codes);
    }

    @Override
    public List<String> convertToEntityAttribute(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.trim().split("\\s+")).toList();
    }
}
