package care.enclave.platform.json;

import static care.enclave.platform.json.JsonSupport.JSON;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code JSON.createXxx()} looks the provider up through the
 * ServiceLoader on every call, which costs more than building a patient record.
 */
public final class JsonSupport {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonSupport() {
    }
}
