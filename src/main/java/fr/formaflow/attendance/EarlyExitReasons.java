package fr.formaflow.attendance;

import java.util.LinkedHashMap;
import java.util.Map;

/** Early-exit reasons offered to organisations; each funder's rules say which ones are paid until the end. */
public final class EarlyExitReasons {

    public static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("EMPLOYMENT", "Accès à l'emploi");
        LABELS.put("HEALTH", "Raisons de santé");
        LABELS.put("RELOCATION", "Déménagement");
        LABELS.put("OTHER_TRAINING", "Entrée dans une autre formation");
        LABELS.put("PERSONAL", "Motifs personnels");
        LABELS.put("EXCLUSION", "Exclusion");
        LABELS.put("ABANDON", "Abandon");
    }

    private EarlyExitReasons() {
    }

    /** The code of a reason given by its code or its French label (as typed in a spreadsheet), or null. */
    public static String code(String codeOrLabel) {
        if (codeOrLabel == null || codeOrLabel.isBlank()) {
            return null;
        }
        String value = codeOrLabel.trim();
        if (LABELS.containsKey(value.toUpperCase())) {
            return value.toUpperCase();
        }
        return LABELS.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(value)).map(Map.Entry::getKey).findFirst().orElse(null);
    }
}
