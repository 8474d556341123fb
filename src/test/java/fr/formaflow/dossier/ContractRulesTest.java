package fr.formaflow.dossier;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.platform.BusinessRuleException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of "Contractualiser l'action", on values already loaded: no Spring, no database. */
class ContractRulesTest {

    @Test
    void everyMissingDocumentTheUnsignedPurchaseOrderAndTheUntickedBoxAreListed() {
        assertThatThrownBy(() -> ContractRules.require(false, true, false, List.of("La convention de formation signée manque.")))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("La contractualisation ne peut pas être transmise :")
                .hasMessageContaining("La convention de formation signée manque.")
                .hasMessageContaining("Le bon de commande doit être signé et retourné avant tout émargement : versez-le tamponné et signé "
                        + "(pièce « Bon de commande signé et tamponné »).")
                .hasMessageContaining("Cochez « Je confirme avoir versé toutes les pièces signées ».");
    }

    @Test
    void confirmedDocumentsOnFilePassWithOrWithoutAPurchaseOrder() {
        assertThatCode(() -> ContractRules.require(true, true, true, List.of())).doesNotThrowAnyException();
        assertThatCode(() -> ContractRules.require(true, false, false, List.of())).doesNotThrowAnyException();
    }
}
