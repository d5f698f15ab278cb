# Khobor: build with the Maven wrapper, run on a slim JRE.
#   docker build -t khobor .
#   docker run -d --name khobor -e TELEGRAM_BOT_TOKEN=... -v khobor-data:/app/data khobor
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app khobor && mkdir -p /app/data /app/config && chown -R khobor /app
WORKDIR /app
COPY --from=build /src/target/khobor.jar /app/khobor.jar
COPY config/khobor.yaml /app/config/khobor.yaml
USER khobor
# The SQLite history and subscriptions live here: keep it on a volume so a new container re-pushes nothing.
VOLUME ["/app/data"]
ENV KHOBOR_CONFIG=/app/config/khobor.yaml
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-Xss512k", "-jar", "/app/khobor.jar"]
CMD ["run"]
