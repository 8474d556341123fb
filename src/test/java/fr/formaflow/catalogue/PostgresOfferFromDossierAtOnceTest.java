package fr.formaflow.catalogue;

import fr.formaflow.support.PostgresFormaflowTest;

@PostgresFormaflowTest
class PostgresOfferFromDossierAtOnceTest extends OfferFromDossierAtOnceContract {
}
