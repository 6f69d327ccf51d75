package care.enclave.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All REST resources live at the root, as the seed API did ({@code /patient/{id}}, {@code /score/{id}}). */
@ApplicationPath("/")
public class RestApplication extends Application {
}
