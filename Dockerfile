# Podium container image: the PostgreSQL build (the "postgres" build profile) on a JRE 21,
# run as an unprivileged user, data folder (search index) on a volume, port 8080.
#
#   docker build -t podium .
#   docker run -p 8080:8080 -v podium-data:/data \
#     -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/podium \
#     -e QUARKUS_DATASOURCE_USERNAME=podium -e QUARKUS_DATASOURCE_PASSWORD=... podium
#
# The profile used at build time is also the default at run time. Every setting is an
# environment variable (README, "Configuration"). Extra JVM flags go in JAVA_OPTS.
# No Docker engine runs in CI: scripts/dockerfile-check.py runs the build stage's steps as a
# script and checks the rest; tools/dockerfile-lint lints this file.

# ---- build -------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Dependencies first, so this layer is cached until pom.xml changes.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN chmod +x mvnw \
 && (./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline \
     || echo "go-offline incomplete; the package step fetches the rest")

COPY src/ src/
RUN ./mvnw -B package -DskipTests -Dquarkus.profile=postgres

# ---- run ---------------------------------------------------------------------
FROM eclipse-temurin:21-jre

# curl serves the HEALTHCHECK. Temurin's Ubuntu images ship it; install it only if absent.
# The app runs as an unprivileged user that owns only the data volume.
RUN if ! command -v curl >/dev/null 2>&1; then \
      apt-get update \
      && apt-get install -y --no-install-recommends curl \
      && rm -rf /var/lib/apt/lists/*; \
    fi \
 && groupadd --system --gid 10001 podium \
 && useradd --system --uid 10001 --gid podium --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin podium \
 && mkdir -p /data \
 && chown podium:podium /data

WORKDIR /app
# Quarkus fast-jar layout; libraries first, as they change least often.
COPY --from=build /build/target/quarkus-app/lib/ /app/lib/
COPY --from=build /build/target/quarkus-app/*.jar /app/
COPY --from=build /build/target/quarkus-app/app/ /app/app/
COPY --from=build /build/target/quarkus-app/quarkus/ /app/quarkus/

# The heap follows the container's memory limit.
ENV PODIUM_DATA_DIR=/data \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
VOLUME /data
EXPOSE 8080
USER 10001:10001

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null http://localhost:8080/q/health/ready || exit 1

# exec keeps java as PID 1 so it receives SIGTERM; JAVA_OPTS is split on spaces on purpose.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar \"$@\"", "podium"]
