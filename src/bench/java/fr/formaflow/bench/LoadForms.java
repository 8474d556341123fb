package fr.formaflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The values the load's users type in the task forms, as the engine's REST API takes them (Camunda's variable JSON,
 * dynamic lists as Json variables): the same dossier as {@code DossierDriver.programme}, planned next January so that
 * no timer of the execution falls due during the load.
 */
final class LoadForms {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The first Monday of next January: the action's start. */
    static final LocalDate START = LocalDate.now().plusYears(1).withDayOfYear(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    static final int PROGRAMMING_YEAR = START.getYear();

    private LoadForms() {
    }

    /** A two-month collective action: six weeks in the centre, two in companies. */
    static String programme() {
        LocalDate centreEnd = START.plusDays(39);
        LocalDate companyStart = START.plusDays(42);
        LocalDate end = START.plusDays(53);
        ObjectNode v = JSON.createObjectNode();
        put(v, "title", "Accessoiriste de spectacle");
        put(v, "objectives", "Maîtriser la fabrication et la régie des accessoires de scène.");
        put(v, "content", "Module 1 : matériaux (70 h). Module 2 : régie plateau (70 h).");
        put(v, "formacode", "45054");
        put(v, "nature", "ACTION_DE_FORMATION");
        put(v, "collective", "true");
        put(v, "hoursCentre", 140);
        put(v, "hoursCompany", 70);
        put(v, "plannedStart", START.toString());
        put(v, "plannedEnd", end.toString());
        put(v, "location", "Clermont-l'Hérault");
        put(v, "totalTrainees", 3);
        put(v, "paidTrainees", 3);
        put(v, "priceCentreEuros", 140 * 7 * 3 + ",00");
        put(v, "priceCompanyEuros", 70 * 3 + ",00");
        put(v, "unitCostCentreEuros", "7,00");
        put(v, "unitCostCompanyEuros", "1,00");
        putJson(v, "periods", "[{\"place\":\"CENTRE\",\"start\":\"" + START + "\",\"end\":\"" + centreEnd + "\"},"
                + "{\"place\":\"COMPANY\",\"start\":\"" + companyStart + "\",\"end\":\"" + end + "\"}]");
        putJson(v, "clients", "[{\"name\":\"Théâtre des Treize Vents\",\"siret\":\"77566820500013\","
                + "\"address\":\"Domaine de Grammont, 34000 Montpellier\",\"email\":\"formation@13vents.fr\"}]");
        putJson(v, "trainers", "[{\"lastName\":\"Rocher\",\"firstName\":\"Yves\",\"domain\":\"Accessoires\",\"status\":\"CDD\","
                + "\"hours\":140,\"experience\":\"12 ans d'atelier\"},{\"lastName\":\"Meunier\",\"firstName\":\"Jacques\","
                + "\"domain\":\"Régie\",\"status\":\"VACATAIRE\",\"hours\":70,\"experience\":\"Régisseur plateau\"}]");
        return v.toString();
    }

    static String trainees(int count) {
        ArrayNode rows = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            // each dossier's own people (Gatling fills in the dossier's id): nobody is funded twice for the same days
            rows.addObject().put("civility", "MME").put("lastName", "Stagiaire" + (char) ('A' + i) + " #{dossierId}").put("firstName", "Anna")
                    .put("birthDate", "1990-05-1" + i).put("sex", "F").put("nationality", "FR").put("address", (i + 1) + " rue de la Paix")
                    .put("postcode", "34000").put("city", "Montpellier").put("entryDate", START.toString())
                    .put("remunerationBody", "France Travail").put("entryLevel", "4").put("ageBracket", "FROM_26_TO_44")
                    .put("unemploymentDuration", "UNDER_6_MONTHS").put("prescriber", "France Travail").put("paid", true);
        }
        ObjectNode v = JSON.createObjectNode();
        putJson(v, "trainees", rows.toString());
        return v.toString();
    }

    /** Plain values, e.g. {@code values("decision", "APPROVE")}. */
    static String values(Object... namesAndValues) {
        ObjectNode v = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            put(v, (String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return v.toString();
    }

    private static void put(ObjectNode variables, String name, Object value) {
        variables.set(name, JSON.createObjectNode().set("value", JSON.valueToTree(value)));
    }

    private static void putJson(ObjectNode variables, String name, String json) {
        variables.set(name, JSON.createObjectNode().put("value", json).put("type", "Json"));
    }
}
