package care.enclave.diagnostics;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What the diagnostics module may import: the JDK, Jakarta EE and MicroProfile, {@code platform} and
 * {@code attestation.api}, {@code audit.api} and {@code patients.api} (a patient's delineations); image work stays in javax.imageio and java.awt.image (no toolkit, no library).
 */
class DiagnosticsModuleTest {

    static JavaClasses diagnostics;

    @BeforeAll
    static void importProductionClasses() {
        diagnostics = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("care.enclave.diagnostics");
    }

    @Test
    void importsOnlyThePlatformAndTheAttestationAndAuditApis() {
        classes().that().resideInAPackage("care.enclave.diagnostics..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.imageio..",
                        "jakarta..", "org.eclipse.microprofile..", "org.jose4j..", "care.enclave.diagnostics..",
                        "care.enclave.platform..", "care.enclave.attestation.api..",
                        "care.enclave.audit.api..", "care.enclave.patients.api..")
                .check(diagnostics);
    }

    @Test
    void imageCodeUsesNoAwtToolkit() {
        noClasses().that().resideInAPackage("care.enclave.diagnostics..")
                .should().dependOnClassesThat().resideInAPackage("java.awt")
                .orShould().dependOnClassesThat()
                .resideInAnyPackage("java.awt.geom..", "java.awt.font..", "javax.swing..")
                .check(diagnostics);
    }
}
