# Production image: a Vaadin production build (no dev server) talking to external MongoDB and Elasticsearch.
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q -Pproduction -Dmdep.skip=true dependency:go-offline || true
COPY frontend frontend
COPY src src
RUN ./mvnw -B -Pproduction -Dmdep.skip=true -DskipTests package

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 portal
WORKDIR /app
COPY --from=build /src/target/alis-portalen-*.jar /app/portal.jar
USER portal
EXPOSE 8080
# Ready means the store answers and the search alias exists and answers (liveness: /actuator/health/liveness).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=20 \
    CMD curl -fs http://localhost:8080/actuator/health/readiness || exit 1
# End on OutOfMemoryError rather than limp on; the orchestrator restarts the container.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/portal.jar"]
