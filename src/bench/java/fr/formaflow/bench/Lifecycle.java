package fr.formaflow.bench;

/** Drives one complete dossier and returns its business key (the contract number). */
interface Lifecycle {

    String run();
}
