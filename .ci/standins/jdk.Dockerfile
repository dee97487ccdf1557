# Stand-in for the pinned eclipse-temurin JDK image, built from Debian packages when no registry
# can be reached: the build stage needs only a JDK 17 (the Maven wrapper fetches Maven itself).
# extra-ca/ holds the certificate authorities the host added to its own trust store (.ci/e2e copies
# /usr/local/share/ca-certificates): where outbound HTTPS goes through a TLS-inspecting proxy,
# Maven Central is reachable only with them.
ARG DEBIAN_IMAGE
FROM ${DEBIAN_IMAGE}
RUN apt-get update \
    && apt-get install -y --no-install-recommends openjdk-17-jdk-headless ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY extra-ca/ /usr/local/share/ca-certificates/
RUN update-ca-certificates
