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

# Run stage: a JRE and the extracted application, as an unprivileged user. The class-data sharing archive comes from a
# training run of this very JRE (Spring Boot's "Class Data Sharing"; JDK 17's dynamic archive crashes on Formaflow's
# lambdas, so it is a static archive made from the training run's class list without lambda proxies): about 25 % off
# the start-up (README, Benchmarks).
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 formaflow
WORKDIR /app
COPY --from=build /src/target/formaflow-*.jar /tmp/formaflow.jar
RUN java -Djarmode=tools -jar /tmp/formaflow.jar extract --destination /app && rm /tmp/formaflow.jar \
 && java -XX:DumpLoadedClassList=/tmp/classes.lst -Dspring.context.exit=onRefresh -jar /app/formaflow.jar \
      --spring.datasource.url="jdbc:h2:mem:cds-training;NON_KEYWORDS=VALUE,YEAR,MONTH" --formaflow.demo-data=false \
      --camunda.bpm.job-execution.enabled=false \
 && grep -v '^@lambda-proxy' /tmp/classes.lst > /tmp/classes-without-lambdas.lst \
 && java -Xshare:dump -XX:SharedClassListFile=/tmp/classes-without-lambdas.lst -XX:SharedArchiveFile=/app/formaflow.jsa -jar /app/formaflow.jar \
 && rm -rf /tmp/classes*.lst /app/data
USER formaflow
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=postgres
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/formaflow.jsa", "-Xshare:auto", "-jar", "/app/formaflow.jar"]
