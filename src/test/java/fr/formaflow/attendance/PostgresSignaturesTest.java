package fr.formaflow.attendance;

import fr.formaflow.support.PostgresFormaflowTest;

/** The electronic attendance cases on a real PostgreSQL server. */
@PostgresFormaflowTest
class PostgresSignaturesTest extends SignatureCases {

}
