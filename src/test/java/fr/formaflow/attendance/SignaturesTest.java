package fr.formaflow.attendance;

import fr.formaflow.support.FormaflowTest;

/** The electronic attendance cases on the shared test context (H2). */
@FormaflowTest
class SignaturesTest extends SignatureCases {
}
