package care.enclave.attestation.control;

import care.enclave.attestation.entity.RuntimeData;
import care.enclave.attestation.entity.VerifiedQuote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Issues Azure-Attestation-shaped tokens: RS256, header {alg, jku, kid, typ}, and the x-ms-* claims Azure
 * uses, so a client written for Azure Attestation reads ours unchanged. A simulated enclave's token says so
 * in {@code x-enclave-care-evidence}.
 */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    SigningKeys keys;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "attestation.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "attestation.token.lifetime", defaultValue = "PT8H")
    Duration lifetime;

    /** @param audience the service the token is for ({@code aud}), or null for none */
    public String issue(VerifiedQuote quote, RuntimeData runtime, String nonce, String audience, String policyHash) {
        JwtClaims claims = new JwtClaims();
        long now = clock.instant().getEpochSecond();
        claims.setIssuer(issuer);
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setNotBefore(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + lifetime.toSeconds()));
        claims.setGeneratedJwtId();
        if (nonce != null) {
            claims.setClaim("nonce", nonce);
        }
        if (audience != null) {
            claims.setAudience(audience);
        }
        claims.setClaim("x-ms-ver", "1.0");
        claims.setClaim("x-ms-attestation-type", "sgx");
        claims.setClaim("x-ms-policy-hash", policyHash);
        addEnclaveClaims(claims, quote);
        addRuntimeClaims(claims, runtime);
        claims.setClaim("x-enclave-care-evidence", quote.simulated()
                ? "simulated-sgx: development only, not confidential" : "sgx");
        return sign(claims);
    }

    private static void addEnclaveClaims(JwtClaims claims, VerifiedQuote quote) {
        HexFormat hex = HexFormat.of();
        claims.setClaim("x-ms-sgx-mrenclave", hex.formatHex(quote.enclave().mrEnclave()));
        claims.setClaim("x-ms-sgx-mrsigner", hex.formatHex(quote.enclave().mrSigner()));
        claims.setClaim("x-ms-sgx-product-id", quote.enclave().isvProdId());
        claims.setClaim("x-ms-sgx-svn", quote.enclave().isvSvn());
        claims.setClaim("x-ms-sgx-is-debuggable", quote.enclave().debuggable());
        claims.setClaim("x-ms-sgx-report-data", hex.formatHex(quote.enclave().reportData()));
        if (quote.tcb() != null) {
            claims.setClaim("x-ms-sgx-tcb-status", quote.tcb().status());
            claims.setStringListClaim("x-ms-sgx-advisory-ids", quote.tcb().advisoryIds());
        }
    }

    private static void addRuntimeClaims(JwtClaims claims, RuntimeData runtime) {
        if (runtime == null) {
            return;
        }
        claims.setClaim("x-ms-sgx-ehd", Base64.getUrlEncoder().withoutPadding().encodeToString(runtime.data()));
        if (runtime.json()) {
            try {
                claims.setClaim("x-ms-runtime", JsonUtil.parseJson(new String(runtime.data(), StandardCharsets.UTF_8)));
            } catch (JoseException e) {
                throw new AttestationFailure(AttestationFailure.Reason.MALFORMED_EVIDENCE,
                        "runtime data of type JSON is not a JSON object");
            }
        }
    }

    private String sign(JwtClaims claims) {
        SigningKeys.SigningKey key = keys.current();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.jwk().getRsaPrivateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(key.jwk().getKeyId());
        jws.setHeader("jku", issuer + "/certs");
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("TokenIssuer: signing failed");
        }
    }
}
