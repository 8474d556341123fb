package fr.formaflow.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BankStatementLineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "VIR SEPA REGION OCCITANIE F2026-00012 2026QCA0001 2 940,00 | F2026-00012 | 2026QCA0001 | 294000",
            "vir region occitanie ref f2026-00012 montant 2940.00 eur   | F2026-00012 |             | 294000",
            "VIREMENT 2 940,00 € REGION                                 |             |             | 294000",
            "PAIEMENT F2026-00001 F2026-00002 12.345,67                  | F2026-00001 |             | 1234567",
            "REMISE CHEQUE 98000                                         |             |             | ",
    })
    void quotesAreFoundInABankLine(String line, String invoice, String contract, Long amount) {
        BankStatementLine parsed = BankStatementLine.parse(line);
        if (invoice == null) {
            assertThat(parsed.invoiceNumbers()).isEmpty();
        } else {
            assertThat(parsed.invoiceNumbers()).contains(invoice);
        }
        if (contract != null) {
            assertThat(parsed.contractNumbers()).containsExactly(contract);
        }
        if (amount == null) {
            assertThat(parsed.amountsCents()).isEmpty();
        } else {
            assertThat(parsed.amountsCents()).containsExactly(amount);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "VIR F2026-00012 2 940,00 | true  | true",
            "VIR F2026-00012 2 900,00 | true  | false",
            "VIR 2 940,00             | false | true",
            "VIR 12,00                | false | false",
    })
    void aLineMatchesAnInvoiceByNumberOrAmount(String line, boolean byNumber, boolean byAmount) {
        BankStatementLine.Match match = BankStatementLine.parse(line).against("F2026-00012", "2026QCA0001", 294_000);
        assertThat(match.byNumber()).isEqualTo(byNumber);
        assertThat(match.byAmount()).isEqualTo(byAmount);
        assertThat(match.any()).isEqualTo(byNumber || byAmount);
    }
}
