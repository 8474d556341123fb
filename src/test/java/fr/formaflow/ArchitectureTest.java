package fr.formaflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The layering the README's architecture section describes, enforced on src/main (ArchUnit reads the compiled classes,
 * so fully qualified names and same-package references count as much as imports). From the bottom up: the kernel
 * (platform), security, the capabilities, the process layer, then the web controllers that compose several capabilities
 * and the demo data. Dependencies point down only, and no two packages depend on each other.
 */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.formaflow");

    static final String KERNEL = "fr.formaflow.platform..";
    static final String SECURITY = "fr.formaflow.security..";
    /** From the top down, as the README lists them: a capability imports only those after it. */
    static final String[] CAPABILITIES = {"fr.formaflow.reports..", "fr.formaflow.apprenticeship..", "fr.formaflow.catalogue..",
            "fr.formaflow.compliance..", "fr.formaflow.invoicing..", "fr.formaflow.documents..", "fr.formaflow.events..",
            "fr.formaflow.attendance..", "fr.formaflow.trainee..", "fr.formaflow.dossier..", "fr.formaflow.organisation..",
            "fr.formaflow.account..", "fr.formaflow.notification..", "fr.formaflow.funder..", "fr.formaflow.trainer.."};
    static final String PROCESS = "fr.formaflow.process..";
    static final String WEB = "fr.formaflow.web..";
    static final String DEMO = "fr.formaflow.demo..";

    @Test
    void noCycleBetweenPackages() {
        ArchRule rule = slices().matching("fr.formaflow.(*)..").should().beFreeOfCycles();
        rule.check(MAIN);
    }

    /**
     * The process layer is the only code that knows Camunda, with security (the engine's identity store and
     * authorizations are Formaflow's) and the demo data (which drives dossiers through the engine like users would).
     * Capabilities ask for a process through the kernel's ports (Processes, DecisionTables) and never see the engine.
     */
    @Test
    void onlyTheProcessLayerKnowsTheEngine() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(PROCESS, SECURITY, DEMO)
                .should().dependOnClassesThat().resideInAPackage("org.camunda..");
        rule.check(MAIN);
    }

    @Test
    void kernelUsesNoOtherPackage() {
        ArchRule rule = noClasses().that().resideInAPackage(KERNEL)
                .should().dependOnClassesThat().resideInAnyPackage(concat(CAPABILITIES, SECURITY, PROCESS, WEB, DEMO));
        rule.check(MAIN);
    }

    @Test
    void securityUsesOnlyTheKernel() {
        ArchRule rule = noClasses().that().resideInAPackage(SECURITY)
                .should().dependOnClassesThat().resideInAnyPackage(concat(CAPABILITIES, PROCESS, WEB, DEMO));
        rule.check(MAIN);
    }

    @Test
    void capabilitiesNeverUseTheProcessLayer() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CAPABILITIES)
                .should().dependOnClassesThat().resideInAnyPackage(PROCESS, WEB, DEMO);
        rule.check(MAIN);
    }

    @Test
    void capabilitiesImportOnlyThoseBelowThem() {
        for (int i = 1; i < CAPABILITIES.length; i++) {
            ArchRule rule = noClasses().that().resideInAPackage(CAPABILITIES[i])
                    .should().dependOnClassesThat().resideInAnyPackage(Arrays.copyOfRange(CAPABILITIES, 0, i));
            rule.check(MAIN);
        }
    }

    @Test
    void processLayerUsesNoController() {
        ArchRule rule = noClasses().that().resideInAPackage(PROCESS)
                .should().dependOnClassesThat().resideInAnyPackage(WEB, DEMO);
        rule.check(MAIN);
    }

    @Test
    void demoIsUsedByNothing() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(DEMO)
                .should().dependOnClassesThat().resideInAPackage(DEMO);
        rule.check(MAIN);
    }

    @Test
    void layers() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Kernel").definedBy(KERNEL)
                .layer("Security").definedBy(SECURITY)
                .layer("Capabilities").definedBy(CAPABILITIES)
                .layer("Process").definedBy(PROCESS)
                .layer("Web").definedBy(WEB)
                .layer("Demo").definedBy(DEMO)
                .whereLayer("Kernel").mayNotAccessAnyLayer()
                .whereLayer("Security").mayOnlyAccessLayers("Kernel")
                .whereLayer("Capabilities").mayOnlyAccessLayers("Kernel", "Security")
                .whereLayer("Process").mayOnlyAccessLayers("Kernel", "Security", "Capabilities")
                .whereLayer("Web").mayOnlyAccessLayers("Kernel", "Security", "Capabilities", "Process")
                .whereLayer("Demo").mayNotBeAccessedByAnyLayer();
        rule.check(MAIN);
    }

    private static String[] concat(String[] packages, String... more) {
        String[] all = new String[packages.length + more.length];
        System.arraycopy(packages, 0, all, 0, packages.length);
        System.arraycopy(more, 0, all, packages.length, more.length);
        return all;
    }
}
