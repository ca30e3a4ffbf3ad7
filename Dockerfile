# paperstream's container image: `papers` as a non-root user, configured by PAPERSTREAM_* variables.
#   docker build -t paperstream .
#   docker run --rm -e PAPERSTREAM_BOOTSTRAP_SERVERS=kafka:9092 -p 8080:8080 paperstream run --no-feed

# Build stage: the same reactor build as ./mvnw, tests left to CI.
FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY schemas schemas
COPY kafka-local kafka-local
COPY ingest-producer ingest-producer
COPY stream-processor stream-processor
COPY app app
COPY cli cli
RUN ./mvnw -B -ntp -q -pl cli -am package -DskipTests

# Runtime stage: a JRE and the one shaded jar.
FROM eclipse-temurin:17-jre-jammy
RUN useradd --system --uid 10001 --create-home --home-dir /var/lib/paperstream papers
COPY --from=build /src/cli/target/papers.jar /opt/paperstream/papers.jar
USER 10001
WORKDIR /var/lib/paperstream
# State (Kafka Streams stores, the local broker's data when no cluster is configured) lives in
# PAPERSTREAM_HOME; the HTTP server listens on every interface inside the container.
ENV PAPERSTREAM_HOME=/var/lib/paperstream \
    PAPERSTREAM_HTTP_HOST=0.0.0.0 \
    PAPERSTREAM_HTTP_PORT=8080
VOLUME /var/lib/paperstream
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/paperstream/papers.jar"]
CMD ["run", "--no-feed"]
