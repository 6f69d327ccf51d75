package care.enclave.platform.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The include file Liberty reads holds one variable, and only a well-formed hash can get into it. */
class AdminCredentialsTest {

    @Test
    void aHashBecomesOneVariable() {
        assertEquals("<server>\n    <variable name=\"enclave.care.admin.password\" value=\"{hash}AbC+/9=\"/>\n</server>\n",
                AdminCredentials.includeFile("{hash}AbC+/9="));
    }

    @Test
    void nothingElseIsWritten() {
        assertThrows(IllegalStateException.class, () -> AdminCredentials.includeFile("plain"));
        assertThrows(IllegalStateException.class,
                () -> AdminCredentials.includeFile("{hash}x\"/><feature>x</feature><variable name=\"y"));
        assertThrows(IllegalStateException.class, () -> AdminCredentials.includeFile("{hash}"));
    }
}
