package fr.formaflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.mustangproject.validator.ZUGFeRDValidator;

/** Checks Factur-X files the way a buyer's platform would. */
public final class FacturX {

    private FacturX() {
    }

    /** Runs Mustang's validator (veraPDF for PDF/A-3, XSD + EN 16931 schematron for the XML) and requires no error. */
    public static void assertValid(byte[] pdf, String label) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, "facture.pdf");
        System.out.println("Mustang validator, " + label + ":\n" + summary(report));
        assertThat(report).doesNotContain("<error", "<exception", "<fatal", "status=\"invalid\"").contains("isCompliant=true");
        assertThat(validator.wasCompletelyValid()).isTrue();
    }

    /** Valid, and not one warning either: the French rules (BR-FR) and PEPPOL's warn where EN 16931 only accepts. */
    public static void assertValidWithoutWarnings(byte[] pdf, String label) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, "facture.pdf");
        System.out.println("Mustang validator, " + label + ":\n" + summary(report));
        assertThat(report).as(label).doesNotContain("<error", "<exception", "<fatal", "status=\"invalid\"", "<warning").contains("isCompliant=true");
        assertThat(validator.wasCompletelyValid()).as(label).isTrue();
    }

    private static String summary(String report) {
        StringBuilder lines = new StringBuilder();
        for (String line : report.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("<summary") || trimmed.startsWith("<validationReport") || trimmed.startsWith("<notice")
                    || trimmed.startsWith("<warning") || trimmed.startsWith("<error") || trimmed.startsWith("<details")) {
                lines.append("  ").append(trimmed).append('\n');
            }
        }
        return lines.toString();
    }
}
