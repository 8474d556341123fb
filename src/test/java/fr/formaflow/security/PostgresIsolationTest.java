package fr.formaflow.security;

import fr.formaflow.support.PostgresFormaflowTest;

/** The isolation cases on a real PostgreSQL server. */
@PostgresFormaflowTest
class PostgresIsolationTest extends IsolationCases {

}
