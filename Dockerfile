# Build stage: the Maven wrapper builds the executable jar.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -ntp -DskipTests package

# Run stage: a JRE and the extracted application, as an unprivileged user, with a class-data sharing archive made by a
# training run of this very JRE (scripts/cds-archive.sh): about 25 % off the start-up (README, Benchmarks).
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 formaflow
WORKDIR /app
COPY --from=build /src/target/formaflow-*.jar /tmp/formaflow.jar
COPY scripts/cds-archive.sh /tmp/cds-archive.sh
RUN bash /tmp/cds-archive.sh /tmp/formaflow.jar /app && rm /tmp/formaflow.jar /tmp/cds-archive.sh
USER formaflow
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=postgres
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/formaflow.jsa", "-Xshare:auto", "-jar", "/app/formaflow.jar"]
