package fr.formaflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.funder.FundingScheme;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BpfTest {

    @Test
    void productsGoToTheirLineAndEveryGroupAddsUpToItsTotal() {
        Bpf bpf = new Bpf()
                .invoiced(FundingScheme.REGION_MARKET, 98_000).invoiced(FundingScheme.REGION_MARKET, 2_000)
                .invoiced(FundingScheme.OPCO, 50_000).invoiced(FundingScheme.FORMIRIS, 10_000).invoiced(FundingScheme.PORTAGE, 7_500)
                .subcontractedTo(30_000).subcontractedFrom(12_000)
                .trainer(1, true, new BigDecimal("140")).trainer(1, true, new BigDecimal("10")).trainer(2, false, new BigDecimal("70"))
                .trainee(Bpf.TraineeType.JOBSEEKER, FundingScheme.REGION_MARKET, new BigDecimal("140"))
                .trainee(Bpf.TraineeType.JOBSEEKER, FundingScheme.REGION_MARKET, new BigDecimal("35.5"))
                .trainee(Bpf.TraineeType.EMPLOYEE, FundingScheme.OPCO, new BigDecimal("21"));
        List<Bpf.Line> lines = bpf.lines();
        assertThat(line(lines, "C-6").cents()).isEqualTo(100_000L);
        assertThat(line(lines, "C-2").cents()).as("OPCO and Formiris").isEqualTo(60_000L);
        assertThat(line(lines, "C-1").cents()).isEqualTo(7_500L);
        assertThat(line(lines, "C-10").cents()).isEqualTo(30_000L);
        assertThat(bpf.totalProductsCents()).isEqualTo(197_500L);
        assertThat(line(lines, "D-1").cents()).isEqualTo(12_000L);
        assertThat(line(lines, "E-1").count()).as("one person, two assignments").isEqualTo(1);
        assertThat(line(lines, "E-1").hours()).isEqualByComparingTo("150");
        assertThat(line(lines, "F-1 c").count()).isEqualTo(2);
        assertThat(line(lines, "F-1 c").hours()).isEqualByComparingTo("175.5");
        assertThat(bpf.totalTrainees()).isEqualTo(3);
        assertThat(bpf.totalHours()).isEqualByComparingTo("196.5");
        assertThat(line(lines, "REGION_MARKET").cents()).isEqualTo(100_000L);
        assertThat(line(lines, "REGION_MARKET").count()).isEqualTo(2);
        assertThat(lines.stream().filter(l -> l.cadre().equals("Par type de financeur")).mapToInt(Bpf.Line::count).sum())
                .isEqualTo(bpf.totalTrainees());
        assertThat(bpf.table("Exercice 2026").rows()).anySatisfy(r -> assertThat(r).containsExactly("F-1 — Stagiaires par type", "Total",
                "Total des stagiaires", "3", "196,5", ""));
    }

    static Bpf.Line line(List<Bpf.Line> lines, String code) {
        return lines.stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }
}
