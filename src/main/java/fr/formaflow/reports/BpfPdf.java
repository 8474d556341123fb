package fr.formaflow.reports;

import fr.formaflow.documents.PdfDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The BPF as an A4 PDF laid out like the cerfa: the frames A to G in the form's order, each with the form's columns
 * (an amount for C and D; people and hours for E, F and G), then the split by funder. A figure Formaflow cannot derive
 * is printed « à compléter par l'organisme ».
 */
public final class BpfPdf {

    /** A frame's heading, its table header and first line stay on one page. */
    static final float KEEP_WITH_HEADING = 90;

    private BpfPdf() {
    }

    public static byte[] render(Bpf bpf, List<String> issuer, String edited) {
        String title = "Bilan pédagogique et financier — exercice " + bpf.year();
        PdfDocument pdf = new PdfDocument(title + " — " + bpf.identity().name() + " (" + Bpf.FORM + ")", title)
                .header(issuer, List.of("À transmettre avant le 31 mai " + (bpf.year() + 1), "mesdemarches.emploi.gouv.fr"))
                .title("Bilan pédagogique et financier")
                .small(Bpf.FORM + " — articles L6352-11 et R6352-22 à R6352-24 du Code du travail — édité le " + edited + " par Formaflow")
                .paragraph("Les chiffres sont calculés à partir des dossiers enregistrés dans Formaflow : produits des factures de l'exercice "
                        + "(HT), heures réalisées dans l'exercice, chaque stagiaire compté une fois. Les lignes « " + Bpf.TO_COMPLETE
                        + " » ne peuvent pas être déduites de ces dossiers.");
        Map<String, List<Bpf.Line>> byCadre = new LinkedHashMap<>();
        for (Bpf.Line line : bpf.lines()) {
            byCadre.computeIfAbsent(line.cadre(), c -> new ArrayList<>()).add(line);
        }
        byCadre.forEach((cadre, lines) -> {
            pdf.keepRoom(KEEP_WITH_HEADING).heading(cadre);
            Bpf.Kind kind = lines.get(0).kind();
            List<PdfDocument.Column> columns = switch (kind) {
                case TEXT -> List.of(new PdfDocument.Column("Rubrique", 2.2f, false), new PdfDocument.Column("Valeur", 2.5f, false));
                case AMOUNT -> List.of(new PdfDocument.Column("Ligne", 4.8f, false),
                        new PdfDocument.Column("Montant HT (€)", 1.4f, true));
                case PEOPLE_HOURS -> List.of(new PdfDocument.Column("Ligne", 4.2f, false),
                        new PdfDocument.Column(cadre.startsWith("E") ? "Nombre de personnes" : "Nombre de stagiaires ou d'apprentis", 1.3f, true),
                        new PdfDocument.Column(cadre.startsWith("E") ? "Nombre d'heures de formation dispensées"
                                : "Nombre total d'heures de formation suivies", 1.3f, true));
                case PEOPLE_HOURS_AMOUNT -> List.of(new PdfDocument.Column("Financeur", 2.6f, false),
                        new PdfDocument.Column("Stagiaires", 1, true), new PdfDocument.Column("Heures", 1, true),
                        new PdfDocument.Column("Produits HT (€)", 1.3f, true));
            };
            pdf.table(columns, lines.stream().map(l -> row(l, kind)).toList());
        });
        pdf.small("Cadre D : Formaflow n'enregistre pas la comptabilité de l'organisme ; les factures de ses sous-traitants y figurent "
                + "pour information. Cadre F-3 : Formaflow n'enregistre pas la certification visée par une action ; ses stagiaires sont à "
                + "répartir entre les lignes a à d. Cadre F-4 : les spécialités sont classées par Formacode ; le code NSF est à reporter.");
        pdf.space(10).table(List.of(new PdfDocument.Column("Personne ayant qualité de dirigeant", 1, false),
                new PdfDocument.Column("Date et signature", 1, false)), List.of(List.of("Nom, prénom et qualité :\n \n ", "\n \n ")));
        return pdf.toBytes();
    }

    private static List<String> row(Bpf.Line l, Bpf.Kind kind) {
        List<String> cells = Bpf.cells(l);
        return switch (kind) {
            case TEXT -> List.of(l.label(), cells.get(0));
            case AMOUNT -> List.of(l.label(), cells.get(3));
            case PEOPLE_HOURS -> List.of(l.label(), cells.get(1), cells.get(2));
            case PEOPLE_HOURS_AMOUNT -> List.of(l.label(), cells.get(1), cells.get(2), cells.get(3));
        };
    }

}
