package fr.formaflow.dossier;

import fr.formaflow.platform.BusinessRuleException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of "Contractualiser l'action", plain Java, checked before anything is written: every document the
 * funder requires is on file ({@code missingDocuments} names those that are not), the purchase order is signed
 * where the funder issues one, and the organisation confirms it uploaded every signed document.
 */
public final class ContractRules {

    private ContractRules() {
    }

    public static void require(boolean documentsConfirmed, boolean purchaseOrderRequired, boolean purchaseOrderSigned,
                               List<String> missingDocuments) {
        List<String> problems = new ArrayList<>(missingDocuments);
        if (purchaseOrderRequired && !purchaseOrderSigned) {
            problems.add("Le bon de commande doit être signé et retourné avant tout émargement : versez-le tamponné et signé "
                    + "(pièce « Bon de commande signé et tamponné »).");
        }
        if (!documentsConfirmed) {
            problems.add("Cochez « Je confirme avoir versé toutes les pièces signées ».");
        }
        BusinessRuleException.throwIfAny("La contractualisation ne peut pas être transmise :", problems);
    }
}
