package fr.formaflow.platform;

import fr.formaflow.support.PostgresFormaflowTest;

@PostgresFormaflowTest
class PostgresNumberSequencesTest extends NumberSequencesContract {
}
