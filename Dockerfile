# syntax=docker/dockerfile:1.7
#
# Images of Enclave Care, one target each (docker build --target <name> .):
#   platform        the platform WAR on Open Liberty (kernel-slim, only server.xml's features); runs anywhere
#                   with a simulated enclave, for trying the product out
#   inference       the diagnostics provider's WAR on its own Liberty server (src/main/liberty/inference)
#   platform-sgx    the platform's Liberty and a HotSpot JRE under Gramine, signed: what Kubernetes runs on
#   inference-sgx   SGX nodes (manifests/). Both need the enclave signing key as a build secret and print
#                   the MRENCLAVE that operators pin (manifests/README.md).
# Nothing secret is baked into any image: passwords and keys come from the environment at run time, or
# are generated inside the enclave. Base images are pinned by exact tag; record their digests when you
# publish (docker buildx imagetools inspect <image>) and pin those in your registry policy.

ARG LIBERTY_IMAGE=icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java17-openj9-ubi-minimal
ARG JRE_IMAGE=eclipse-temurin:17.0.15_6-jre
ARG GRAMINE_IMAGE=gramineproject/gramine:1.8-jammy

# ---- build: the WARs and the ONNX Runtime jar, with the project's own Maven wrapper. Tests run in CI.
FROM eclipse-temurin:17.0.15_6-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q package -DskipTests

# ---- platform: server.xml first, so features.sh installs exactly the features it lists.
FROM ${LIBERTY_IMAGE} AS platform
COPY --chown=1001:0 src/main/liberty/config/server.xml /config/server.xml
RUN features.sh
# ONNX Runtime as the server's shared library (server.xml: ${shared.resource.dir}/onnxruntime).
COPY --chown=1001:0 --from=build /src/target/onnxruntime-lib/ /opt/ol/wlp/usr/shared/resources/onnxruntime/
# The embedded provider serves the committed model, so this image alone runs /delineate end to end.
COPY --chown=1001:0 model/unet.onnx /opt/enclave-care/models/unet.onnx
COPY --chown=1001:0 --from=build /src/target/enclave-care.war /config/apps/enclave-care.war
ENV INFERENCE_MODELS_DIR=/opt/enclave-care/models
# configure.sh also writes configDropins/defaults/keystore.xml; server.xml's keyStore password
# (${keystore_password}, from the environment) overrides it, and its presence keeps the entrypoint from
# writing one at start, so the root file system can be read-only.
RUN configure.sh
USER 1001
EXPOSE 9443
# Writable at run time (mount volumes there with a read-only root): the server output (workarea, the
# generated TLS key store, data/), the logs and /tmp.
VOLUME ["/opt/ol/wlp/output", "/logs", "/tmp"]

# ---- inference: the provider's own server and WAR (inference + platform modules only) and the model.
FROM ${LIBERTY_IMAGE} AS inference
COPY --chown=1001:0 src/main/liberty/inference/server.xml /config/server.xml
RUN features.sh
COPY --chown=1001:0 --from=build /src/target/onnxruntime-lib/ /opt/ol/wlp/usr/shared/resources/onnxruntime/
COPY --chown=1001:0 model/unet.onnx /opt/enclave-care/models/unet.onnx
COPY --chown=1001:0 --from=build /src/target/enclave-care-inference.war /config/apps/enclave-care-inference.war
ENV INFERENCE_MODELS_DIR=/opt/enclave-care/models
RUN configure.sh
USER 1001
EXPOSE 9444
VOLUME ["/opt/ol/wlp/output", "/logs", "/tmp"]

# ---- the JRE that runs inside the enclave: HotSpot, as in Gramine's own OpenJDK example.
FROM ${JRE_IMAGE} AS jre

# ---- sgx-base: Gramine (>= 1.7 for its in-enclave eventfd, which Java NIO selectors need) and the JRE.
FROM ${GRAMINE_IMAGE} AS sgx-base
COPY --from=jre /opt/java/openjdk /opt/java/openjdk
RUN groupadd --gid 1001 enclave && useradd --uid 1001 --gid 1001 --no-create-home --shell /usr/sbin/nologin enclave \
    && mkdir -p /var/lib/enclave-care /opt/enclave-care && chown 1001:1001 /var/lib/enclave-care
WORKDIR /opt/enclave-care

# ---- platform-sgx: the platform's Liberty installation, measured into MRENCLAVE with the manifest.
# PROVIDER_MRENCLAVE is the inference-sgx image's MRENCLAVE: the platform sends images to no other enclave.
FROM sgx-base AS platform-sgx
ARG PROVIDER_MRENCLAVE
ARG ATTESTATION_ISSUER=https://enclave-care-platform.enclave-care.svc.cluster.local:9443
COPY --from=platform /opt/ol/wlp/ /opt/ol/wlp/
# The output folder lives on the encrypted volume, never in the (trusted, read-only) installation.
RUN rm -rf /opt/ol/wlp/output /opt/ol/wlp/usr/shared/resources/lib.index.cache
COPY manifests/gramine/liberty/platform-tls.xml /opt/ol/wlp/usr/servers/defaultServer/configDropins/overrides/platform-tls.xml
COPY manifests/gramine/platform.manifest.template ./
RUN test -n "${PROVIDER_MRENCLAVE}" || { echo "--build-arg PROVIDER_MRENCLAVE=<inference-sgx MRENCLAVE> is required"; exit 1; } \
    && gramine-manifest -Darch_libdir=/lib/x86_64-linux-gnu -Dprovider_mrenclave="${PROVIDER_MRENCLAVE}" \
       -Dattestation_issuer="${ATTESTATION_ISSUER}" platform.manifest.template platform.manifest
# The signing key (RSA-3072, exponent 3; gramine-sgx-gen-private-key) is a build secret, never a layer:
#   docker build --secret id=enclave-signing-key,src=enclave-key.pem --target platform-sgx ...
RUN --mount=type=secret,id=enclave-signing-key,required=true \
    gramine-sgx-sign --key /run/secrets/enclave-signing-key --manifest platform.manifest --output platform.manifest.sgx \
    && gramine-sgx-sigstruct-view platform.sig
USER 1001
EXPOSE 9443
ENTRYPOINT ["gramine-sgx", "platform"]

# ---- inference-sgx: the provider's Liberty installation, the model and ONNX Runtime's native libraries
# (loaded from trusted files: the Java binding would otherwise extract them to an untrusted temp folder).
FROM sgx-base AS inference-sgx
# The key vault that releases the replicas' shared request key: measured, so the host cannot redirect it.
ARG VAULT_URL=https://enclave-care-platform.enclave-care.svc.cluster.local:9443
COPY --from=inference /opt/ol/wlp/ /opt/ol/wlp/
COPY --from=inference /opt/enclave-care/models/ /opt/enclave-care/models/
RUN rm -rf /opt/ol/wlp/output /opt/ol/wlp/usr/shared/resources/lib.index.cache \
    && mkdir -p /tmp/ort /opt/enclave-care/onnxruntime-native \
    && python3 -m zipfile -e /opt/ol/wlp/usr/shared/resources/onnxruntime/onnxruntime-*.jar /tmp/ort \
    && cp /tmp/ort/ai/onnxruntime/native/linux-x64/*.so /opt/enclave-care/onnxruntime-native/ \
    && rm -rf /tmp/ort
COPY manifests/gramine/liberty/inference-tls.xml /opt/ol/wlp/usr/servers/defaultServer/configDropins/overrides/inference-tls.xml
COPY manifests/gramine/inference.manifest.template ./
RUN gramine-manifest -Darch_libdir=/lib/x86_64-linux-gnu -Dkey_vault_url="${VAULT_URL}" \
       inference.manifest.template inference.manifest
RUN --mount=type=secret,id=enclave-signing-key,required=true \
    gramine-sgx-sign --key /run/secrets/enclave-signing-key --manifest inference.manifest --output inference.manifest.sgx \
    && gramine-sgx-sigstruct-view inference.sig
USER 1001
EXPOSE 9444
ENTRYPOINT ["gramine-sgx", "inference"]

# The default target: the platform image of the top-level README's quick start.
FROM platform
