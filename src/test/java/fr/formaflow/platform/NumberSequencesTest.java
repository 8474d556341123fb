package fr.formaflow.platform;

import fr.formaflow.support.FormaflowTest;

@FormaflowTest
class NumberSequencesTest extends NumberSequencesContract {
}
