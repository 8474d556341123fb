package fr.formaflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.documents.PdfDocument.Column;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

class PdfDocumentTest {

    private static final String NARROW_NBSP = "\u202F";

    @Test
    void aLongTableRunsOverThreePagesRepeatingItsHeaderWithAFooterOnEachPage() throws Exception {
        byte[] pdf = threePageDocument();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            for (int page = 1; page <= 3; page++) {
                String text = pageText(doc, page);
                assertThat(text).contains("Désignation", "Quantité", "Montant HT");
                assertThat(text).contains("Page " + page + " / 3").contains("Relevé n° R-2006-10");
            }
            assertThat(pageText(doc, 1)).contains("Ligne 1 ").doesNotContain("Ligne 100 ");
            assertThat(pageText(doc, 3)).contains("Ligne 100 ");
        }
    }

    @Test
    void frenchCharactersAndTheNarrowNoBreakSpaceSurviveTextExtraction() throws Exception {
        String sample = "Cœur de métier très prisé : 2" + NARROW_NBSP + "445,00\u00A0€ « à régler » — ça, c'est œuvré.";
        byte[] pdf = new PdfDocument("Essai", "Essai").paragraph(sample).toBytes();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("œ", "€", "«", "»", "é", "è", "à", "ç", NARROW_NBSP);
            assertThat(text).contains("2" + NARROW_NBSP + "445,00");
        }
    }

    @Test
    void aParagraphBreaksBeforeTheFirstWordThatPdfBoxMeasuresPastTheMargin() throws Exception {
        String sentence = "Le stagiaire a suivi l'action « Accompagnement éducatif et social » du 2 au 27 mars avec assiduité ; ";
        byte[] pdf = new PdfDocument("Essai", "Essai").paragraph(sentence.repeat(8).strip()).toBytes();

        try (PDDocument doc = Loader.loadPDF(pdf); PDDocument measuring = new PDDocument()) {
            PDFont font = PDType0Font.load(measuring, PdfDocumentTest.class.getResourceAsStream("/fonts/DejaVuSans.ttf"));
            float width = PDRectangle.A4.getWidth() - 2 * 50;
            List<String> lines = new PDFTextStripper().getText(doc).lines().filter(l -> l.startsWith("Le ") || !l.contains("Page"))
                    .filter(l -> !l.isBlank() && !l.startsWith("Essai")).toList();
            assertThat(lines).hasSizeGreaterThan(5);
            for (int i = 0; i < lines.size() - 1; i++) {
                String next = lines.get(i + 1).split(" ")[0];
                assertThat(font.getStringWidth(lines.get(i)) / 1000 * 10).as(lines.get(i)).isLessThanOrEqualTo(width);
                assertThat(font.getStringWidth(lines.get(i) + " " + next) / 1000 * 10).as(lines.get(i) + " + " + next).isGreaterThan(width);
            }
        }
    }

    @Test
    void theFontsLoseOnlyTheirGlyphSubstitutions() throws Exception {
        byte[] dejaVu = PdfDocumentTest.class.getResourceAsStream("/fonts/DejaVuSans.ttf").readAllBytes();
        TrueTypeFont original = new TTFParser().parse(new RandomAccessReadBuffer(dejaVu));
        TrueTypeFont stripped = new TTFParser().parse(new RandomAccessReadBuffer(PdfDocument.withoutGlyphSubstitutions(dejaVu)));

        assertThat(original.getGsubData()).isNotSameAs(GsubData.NO_DATA_FOUND);
        assertThat(stripped.getGsubData()).isSameAs(GsubData.NO_DATA_FOUND);
        assertThat(stripped.getNumberOfGlyphs()).isEqualTo(original.getNumberOfGlyphs());
        assertThat(stripped.getAdvanceWidth(stripped.nameToGID("oe"))).isEqualTo(original.getAdvanceWidth(original.nameToGID("oe")));
        assertThat(stripped.getTableMap().keySet()).hasSameSizeAs(original.getTableMap().keySet()).doesNotContain("GSUB");
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksInsteadOfFailing() throws Exception {
        byte[] pdf = new PdfDocument("Essai", "Essai").paragraph("Nom : 漢字\u0007 fin").toBytes();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Nom : ??? fin");
        }
    }

    @Test
    void theOutputIsPdfA3u() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(threePageDocument()))) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(parser.getFlavour(), false);
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId() + " " + a.getMessage()).distinct().toList();
            assertThat(failures).isEmpty();
            assertThat(result.getPDFAFlavour().getId()).isEqualTo("3u");
            assertThat(result.isCompliant()).isTrue();
        }
    }

    @Test
    void documentsWrittenOneAfterAnotherAndSideBySideEachEmbedTheirOwnCharacters() throws Exception {
        // the parsed fonts go from document to document: each must still carry the glyphs of its own text
        List<String> samples = List.of("Œuvre « à régler » 2\u202F445,00\u00A0€", "Zéphyr — ça", "QUANTITÉ ÇÀ Ÿ", "kiwi 0123456789");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> texts = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String sample : samples) {
                    texts.add(pool.submit(() -> {
                        try (PDDocument doc = Loader.loadPDF(new PdfDocument("Essai", "Essai").title(sample).paragraph(sample).toBytes())) {
                            return new PDFTextStripper().getText(doc);
                        }
                    }));
                }
            }
            for (int i = 0; i < texts.size(); i++) {
                String sample = samples.get(i % samples.size());
                assertThat(texts.get(i).get()).contains(sample.replace("\u202F", NARROW_NBSP));
            }
        } finally {
            pool.shutdown();
        }
        theOutputIsPdfA3u();
    }

    static byte[] threePageDocument() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            rows.add(List.of("Ligne " + i + " — séance « œnologie »", String.valueOf(i), i + ",00" + NARROW_NBSP + "€"));
        }
        return new PdfDocument("Relevé n° R-2006-10", "Relevé d'essai")
                .header(List.of("Organisme émetteur", "1 rue de la Paix", "30100 Alès"),
                        List.of("Destinataire", "2 place de l'Église", "34000 Montpellier"))
                .title("RELEVÉ n° R-2006-10")
                .paragraph("Un tableau de cent lignes.")
                .table(List.of(new Column("Désignation", 60, false), new Column("Quantité", 15, true),
                        new Column("Montant HT", 25, true)), rows)
                .toBytes();
    }

    private static String pageText(PDDocument doc, int page) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }
}
