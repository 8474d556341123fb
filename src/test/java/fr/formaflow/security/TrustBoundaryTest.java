package fr.formaflow.security;

import fr.formaflow.support.FormaflowTest;

/** The trust boundary's attacks on the embedded H2 database. */
@FormaflowTest
class TrustBoundaryTest extends TrustBoundaryCases {
}
