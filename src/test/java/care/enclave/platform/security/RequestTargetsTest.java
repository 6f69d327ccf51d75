package care.enclave.platform.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/patient/patient_3", "/patient/a-b_c~d/delineate", "/assets/app.js",
            "/attest/SgxEnclave", "/x;y=z", "/caf%C3%A9", "/a:b@c!$&'()*+,="})
    void ordinaryPathsPass(String path) {
        assertTrue(RequestTargets.wellFormed(path, null), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/x<y", "/a>b", "/a\"b", "/a{b", "/a}b", "/a|b", "/a^b", "/a`b", "/a[b", "/a]b",
            "/a\\b", "/a b", "/a\tb", "/a\u00e9", "/a\u0000b", "/a\u007fb"})
    void rawCharactersRfc3986ForbidsAreRefused(String path) {
        assertFalse(RequestTargets.wellFormed(path, null), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/patient/..%2Fid", "/patient/id%2f..", "/patient/%2e%2e/id", "/patient/%2E", "/a%5Cb",
            "/a%23b", "/a%00b", "/a%0d%0ab", "/a%7F", "/a%zz", "/a%", "/a%4", "/%%41"})
    void encodedSeparatorsDotsControlsAndBrokenEscapesAreRefused(String path) {
        assertFalse(RequestTargets.wellFormed(path, null), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "*", "http://other/x"})
    void aTargetThatIsNotAnAbsolutePathIsRefused(String path) {
        assertFalse(RequestTargets.wellFormed(path, null), path);
        assertFalse(RequestTargets.wellFormed(null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonce=abc", "api-version=2022-08-01&x=%2F", "a=b/c?d", "q=%2e"})
    void queriesMayCarryEncodedSlashesAndDots(String query) {
        assertTrue(RequestTargets.wellFormed("/attest/SgxEnclave", query), query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=<x>", "a=|", "a={}", "a=%zz", "a=%00", "a=b c", "a=[1]"})
    void queriesFollowTheSameCharacterRules(String query) {
        assertFalse(RequestTargets.wellFormed("/attest/SgxEnclave", query), query);
    }
}
