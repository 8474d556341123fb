package fr.formaflow.documents;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.Funder;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.Siret;
import fr.formaflow.platform.French;
import java.util.ArrayList;
import java.util.List;

/** The identities printed at the top of every document: the organisation on the left, the funder on the right. */
public final class Letterhead {

    private Letterhead() {
    }

    public static List<String> organisation(Organisation o) {
        List<String> lines = new ArrayList<>(List.of(o.getName(), o.getStreet() == null ? "" : o.getStreet(),
                (o.getPostcode() == null ? "" : o.getPostcode()) + " " + (o.getCity() == null ? "" : o.getCity()),
                "SIRET " + Siret.of(o.getSiret()).formatted()));
        lines.add("N° de déclaration d'activité : " + o.getNda());
        return lines;
    }

    public static List<String> funder(Funder f) {
        return List.of(f.getName(), f.getStreet() == null ? "" : f.getStreet(),
                (f.getPostcode() == null ? "" : f.getPostcode()) + " " + (f.getCity() == null ? "" : f.getCity()),
                "Financeur — " + f.getScheme().label());
    }

    /** A portage platform as the training organisation that contracts with the client: its identity and activity declaration. */
    public static List<String> platform(Funder f) {
        List<String> lines = new ArrayList<>(List.of(f.getName(), f.getStreet() == null ? "" : f.getStreet(),
                (f.getPostcode() == null ? "" : f.getPostcode()) + " " + (f.getCity() == null ? "" : f.getCity())));
        if (Siret.isValid(f.getSiret())) {
            lines.add("SIRET " + Siret.of(f.getSiret()).formatted());
        }
        if (f.getNda() != null) {
            lines.add("N° de déclaration d'activité : " + f.getNda());
        }
        return lines;
    }

    /** In portage, the organisation that delivers the action for the platform. */
    static List<String> deliveredBy(Organisation o) {
        List<String> lines = new ArrayList<>(List.of("Organisme réalisateur :"));
        lines.addAll(organisation(o));
        return lines;
    }

    static PdfDocument start(TrainingAction action, String reference, String title) {
        return new PdfDocument(reference, title)
                .header(organisation(action.getOrganisation()), funder(action.getFunder()));
    }

    /** The action in one paragraph: contract number, title, dates, durations. */
    static String action(TrainingAction a) {
        return "Action « " + a.getTitle() + " » — contrat n° " + a.getContractNumber() + " — du " + French.date(start(a)) + " au "
                + French.date(end(a)) + " — " + French.hours(a.getHoursCentre()) + " en centre et " + French.hours(a.getHoursCompany())
                + " en entreprise — lieu : " + a.getLocation() + ".";
    }

    /**
     * The venue's street address: the action's location when it holds one (a number), the organisation's address when
     * the action takes place in the organisation's town.
     */
    static String venue(TrainingAction a) {
        Organisation o = a.getOrganisation();
        String location = a.getLocation() == null ? "" : a.getLocation().trim();
        if (location.matches(".*\\d.*") || o.getStreet() == null) {
            return location;
        }
        String address = o.getName() + ", " + o.fullAddress();
        return location.isEmpty() || location.equalsIgnoreCase(o.getCity()) ? address : location + " (accueil : " + address + ")";
    }

    static java.time.LocalDate start(TrainingAction a) {
        return a.getRealStart() != null ? a.getRealStart() : a.getPlannedStart();
    }

    static java.time.LocalDate end(TrainingAction a) {
        return a.getRealEnd() != null ? a.getRealEnd() : a.getPlannedEnd();
    }

    /** The mandatory mention of the activity declaration, when the organisation has one. */
    static void ndaMention(PdfDocument pdf, Organisation o) {
        if (o.ndaMention() != null) {
            pdf.small(o.ndaMention());
        }
    }
}
