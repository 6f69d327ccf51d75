# syntax=docker/dockerfile:1
# The platform image: build the WAR with the project's own Maven wrapper, then run it on Open Liberty's
# kernel-slim image with only the features server.xml lists. Secrets come from the environment at run time
# (ENCLAVE_CARE_CLERK_PASSWORD, PATIENTS_REDIS_URL, ...); nothing secret is baked in. In production set
# attestation.evidence.provider=gramine and attestation.trust-simulated=false (see README).

FROM eclipse-temurin:17.0.15_6-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q package -DskipTests

FROM icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java17-openj9-ubi-minimal
COPY --chown=1001:0 src/main/liberty/config/ /config/
# Installs exactly the features server.xml names.
RUN features.sh
# ONNX Runtime as the server's shared library (server.xml: ${shared.resource.dir}/onnxruntime).
COPY --chown=1001:0 --from=build /src/target/onnxruntime-lib/ /opt/ol/wlp/usr/shared/resources/onnxruntime/
COPY --chown=1001:0 model/unet.onnx /opt/enclave-care/models/unet.onnx
ENV INFERENCE_MODELS_DIR=/opt/enclave-care/models
COPY --chown=1001:0 --from=build /src/target/enclave-care.war /config/apps/enclave-care.war
RUN configure.sh
USER 1001
EXPOSE 9443
