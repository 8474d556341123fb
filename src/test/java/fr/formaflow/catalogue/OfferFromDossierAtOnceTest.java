package fr.formaflow.catalogue;

import fr.formaflow.support.FormaflowTest;

@FormaflowTest
class OfferFromDossierAtOnceTest extends OfferFromDossierAtOnceContract {
}
