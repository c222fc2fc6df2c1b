# Build: docker build -t esim-renewal-bot .     Run: docker compose up (see docker-compose.yml)
# Checked by reading only: no Docker engine runs where this project is built.

# ---- build: the jar, with the Maven wrapper and dependencies in a layer of their own (cached while pom.xml stays)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package && cp target/esim-renewal-bot-*.jar /app.jar

# ---- run: a JRE only (no compiler, no Maven), as a non-root user.
# The glibc-based JRE image rather than -alpine: the embedded redis-server of local mode (no REDIS_URL) is a glibc
# binary, and bash gives the health check a TCP client without adding curl or wget.
FROM eclipse-temurin:17-jre
RUN useradd --system --no-create-home --uid 10001 bot
COPY --from=build /app.jar /opt/bot/app.jar
USER 10001
EXPOSE 8080
# Healthy when /actuator/health answers 200: Redis answers PING and the last contacts with billing and Telegram
# worked (503 otherwise). The status line is checked, not the body, whose components say "UP" even when one is down.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/bot/app.jar"]
