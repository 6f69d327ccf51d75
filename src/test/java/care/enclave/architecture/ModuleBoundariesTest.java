package care.enclave.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

/**
 * The modular monolith's rules: each module is a package under {@code care.enclave}; other modules may use
 * only its {@code api} package; {@code platform} uses no module; {@code inference} uses only
 * {@code platform}, so it can be built into the provider's own WAR; {@code audit} uses no other module
 * (every module records into it).
 */
class ModuleBoundariesTest {

    static final String BASE = "care.enclave.";
    static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("care.enclave");
    }

    @ParameterizedTest
    @ValueSource(strings = {"portal", "patients", "attestation", "diagnostics", "inference", "audit"})
    void otherModulesUseOnlyAModulesApi(String module) {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(BASE + module + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        BASE + module + ".boundary..", BASE + module + ".control..", BASE + module + ".entity..")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void platformUsesNoModule() {
        noClasses().that().resideInAPackage(BASE + "platform..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + "portal..", BASE + "patients..",
                        BASE + "attestation..", BASE + "diagnostics..", BASE + "inference..", BASE + "audit..")
                .check(classes);
    }

    @Test
    void inferenceUsesOnlyThePlatform() {
        noClasses().that().resideInAPackage(BASE + "inference..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + "portal..", BASE + "patients..",
                        BASE + "attestation..", BASE + "diagnostics..", BASE + "audit..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void auditUsesOnlyThePlatform() {
        noClasses().that().resideInAPackage(BASE + "audit..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + "portal..", BASE + "patients..",
                        BASE + "attestation..", BASE + "diagnostics..", BASE + "inference..")
                .check(classes);
    }

    @Test
    void controlAndEntityDoNotReachIntoBoundaries() {
        noClasses().that().resideInAnyPackage("..control..", "..entity..")
                .should().dependOnClassesThat().resideInAPackage("..boundary..")
                .check(classes);
    }

    @Test
    void controlCodeThrowsNoHttpTypes() {
        noClasses().that().resideInAnyPackage("..control..", "..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void nothingWritesToStandardStreams() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes);
    }
}
