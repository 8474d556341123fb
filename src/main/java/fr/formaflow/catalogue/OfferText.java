package fr.formaflow.catalogue;

import fr.formaflow.platform.French;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** An offer as the validator reads it, and what a revision changes in the published version. Plain Java. */
public final class OfferText {

    private OfferText() {
    }

    public static String describe(OfferContent offer) {
        StringBuilder text = new StringBuilder()
                .append("Intitulé : ").append(value(offer.title())).append('\n')
                .append("Objectifs : ").append(value(offer.objectives())).append('\n')
                .append("Programme : ").append(value(offer.programme())).append('\n');
        if (offer.modular()) {
            offer.modules().forEach(m -> text.append("  • ").append(m.title()).append(" : ")
                    .append(m.hours() == null ? "durée non renseignée" : French.hours(m.hours())).append('\n'));
        }
        return text.append("Session : du ").append(date(offer.startDate())).append(" au ").append(date(offer.endDate()))
                .append(" à ").append(value(offer.city())).append(" (").append(value(offer.postcode())).append(")\n")
                .append("Places disponibles : ").append(offer.placesAvailable() == null ? "—" : offer.placesAvailable()).append('\n')
                .append("Financement : ").append(value(offer.fundingComment()))
                .append(" — date du vote : ").append(date(offer.fundingVoteDate())).append('\n')
                .append("Contact : ").append(value(offer.contactName())).append(", ").append(value(offer.contactPhone()))
                .append(", ").append(value(offer.contactEmail()))
                .toString();
    }

    /** Each field the revision changes, "was → becomes"; empty when nothing changed. */
    public static List<String> changes(OfferContent online, OfferContent revision) {
        List<String> changes = new ArrayList<>();
        change(changes, "Intitulé", online, revision, OfferContent::title);
        change(changes, "Objectifs", online, revision, OfferContent::objectives);
        change(changes, "Programme", online, revision, OfferContent::programme);
        change(changes, "Modules", online, revision, o -> o.modules().stream().map(m -> m.title() + " " + French.hours(m.hours())).toList().toString());
        change(changes, "Date de début", online, revision, o -> date(o.startDate()));
        change(changes, "Date de fin", online, revision, o -> date(o.endDate()));
        change(changes, "Lieu", online, revision, o -> o.city() + " (" + o.postcode() + ")");
        change(changes, "Places disponibles", online, revision, o -> String.valueOf(o.placesAvailable()));
        change(changes, "Commentaire financement", online, revision, OfferContent::fundingComment);
        change(changes, "Contact", online, revision, o -> o.contactName() + ", " + o.contactPhone() + ", " + o.contactEmail());
        return changes;
    }

    private static void change(List<String> changes, String label, OfferContent online, OfferContent revision,
                               Function<OfferContent, String> field) {
        String before = field.apply(online);
        String after = field.apply(revision);
        if (!Objects.equals(before, after)) {
            changes.add(label + " : " + value(before) + " → " + value(after));
        }
    }

    private static String date(LocalDate date) {
        return date == null ? "—" : French.date(date);
    }

    private static String value(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
