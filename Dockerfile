# studybot: build the jar, then run it as a non-root user with the database on a volume.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY config config
COPY src src
COPY questions questions
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --home-dir /app studybot \
    && mkdir -p /app /data && chown studybot /data
WORKDIR /app
COPY --from=build /src/target/studybot.jar /app/studybot.jar
COPY config /app/config
# the question folder: mount a folder over it or COPY more files into it (see the README);
# the questions a team writes in chat live in the database on /data and outlive the image
COPY questions /app/questions
ENV STUDYBOT_DATABASE_PATH=/data/studybot.db \
    STUDYBOT_BANK_PATH=/app/questions \
    STUDYBOT_OPS_PORT=9090 \
    STUDYBOT_ADAPTERS_CONSOLE=off
EXPOSE 9090
VOLUME /data
USER studybot
# Tokens come from the environment at run time: DISCORD_TOKEN, SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, LLM_API_KEY.
# A small heap is plenty (the live set is ~35 MB with 1,000 Discord servers) and keeps RSS low.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xmx256m", "-jar", "/app/studybot.jar"]
CMD ["run"]
