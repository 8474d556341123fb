package fr.formaflow.security;

import fr.formaflow.support.FormaflowTest;

/** The isolation cases on the embedded H2 database. */
@FormaflowTest
class IsolationTest extends IsolationCases {
}
