package fr.formaflow.security;

import fr.formaflow.support.PostgresFormaflowTest;

/** The trust boundary's attacks on a real PostgreSQL server. */
@PostgresFormaflowTest
class PostgresTrustBoundaryTest extends TrustBoundaryCases {

}
