package it.care.enclave;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RestClientBuilder;
import org.microshed.testing.jupiter.MicroShedTest;

import javax.ws.rs.ClientErrorException;
import javax.ws.rs.NotAuthorizedException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The patients API through a typed JAX-RS client, with MicroShed Testing against the already running
 * server (ManuallyStartedConfiguration; no containers on these machines).
 */
@MicroShedTest
public class PatientsRestClientIT {

    public static PatientsApi clerk;
    public static PatientsApi stranger;

    @BeforeAll
    public static void connect() {
        ItServer.trustServerByDefault();
        String root = ItServer.https("/").toString();
        clerk = new RestClientBuilder().withAppContextRoot(root).withJaxrsPath("/")
                .withBasicAuth("clerk", ItServer.clerkPassword()).build(PatientsApi.class);
        stranger = new RestClientBuilder().withAppContextRoot(root).withJaxrsPath("/")
                .withBasicAuth("clerk", "not-the-password").build(PatientsApi.class);
    }

    @Test
    public void aPartnerClientAdmitsReadsAndScores() {
        String id = "typed_" + UUID.randomUUID().toString().substring(0, 8);

        PatientView created = clerk.admit(id, new PatientForm());
        PatientView read = clerk.read(id);
        PatientView score = clerk.score(id);

        assertEquals(id, created.id);
        assertEquals("123-223-2345", read.ssn);
        // Born 1950, admitted 2010: 60 years (2 points) + diabetes and asthma (2 points).
        assertEquals(4, ((Number) score.scoreDetails.get("index")).intValue());
        assertEquals(created.score, score.score);
    }

    @Test
    public void conflictsAndBadCredentialsSurfaceAsClientErrors() {
        String id = "typed_" + UUID.randomUUID().toString().substring(0, 8);
        clerk.admit(id, new PatientForm());

        ClientErrorException conflict = assertThrows(ClientErrorException.class, () -> clerk.admit(id, new PatientForm()));
        assertEquals(409, conflict.getResponse().getStatus());
        assertThrows(NotAuthorizedException.class, () -> stranger.read(id));
    }
}
