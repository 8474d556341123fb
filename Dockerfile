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

# Run stage: a JRE and the jar, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 formaflow
WORKDIR /app
COPY --from=build /src/target/formaflow-*.jar /app/formaflow.jar
USER formaflow
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=postgres
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/formaflow.jar"]
