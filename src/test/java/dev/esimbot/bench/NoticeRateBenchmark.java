package dev.esimbot.bench;

import dev.esimbot.conversation.Reply;
import dev.esimbot.notices.Notice;
import dev.esimbot.notices.NoticeQueue;
import dev.esimbot.testing.FakeBotApi;
import dev.esimbot.testing.Refusal;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import dev.esimbot.testkit.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sustained notice send rate of the whole application against a fake Bot API that enforces Telegram's limits
 * (30 messages in any second, 1 a second per chat, 429 with retry_after beyond), as a fraction of the configured
 * {@code NOTICES_RATE}. Not a test: {@code ./mvnw -o -q -Pbench-notices verify} (docs/benchmark.md). Rates and
 * lengths come from {@code -Dbench.noticeRates=25,30} and {@code -Dbench.noticeSeconds=60}.
 */
public final class NoticeRateBenchmark {

    private static final long FIRST_CHAT = 6_100_000_000L;
    /** Sends before the window opens, so the measured rate is the steady one, not the start-up. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private NoticeRateBenchmark() {
    }

    record Result(int rate, int seconds, long accepted, long tooMany, long blocked, long repeats) {
        double perSecond() {
            return accepted / (double) seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.noticeSeconds", 60);
        StringBuilder report = new StringBuilder();
        report.append("Run ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(", Redis ").append(TestRedis.url()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("\n\n")
                .append("| NOTICES_RATE | window | accepted by the fake | per second | of the configured rate | 429 answered"
                        + " (all retried) | repeats to a chat |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        long firstChat = FIRST_CHAT;
        for (String rate : System.getProperty("bench.noticeRates", "25,30").split(",")) {
            Result result = measure(Integer.parseInt(rate.strip()), seconds, firstChat);
            firstChat += 1_000_000;
            report.append(String.format("| %d/s | %d s | %d | %.2f | %.1f %% | %d | %d |%n", result.rate(), result.seconds(),
                    result.accepted(), result.perSecond(), 100 * result.perSecond() / result.rate(), result.tooMany(),
                    result.repeats()));
        }
        Path out = Path.of(System.getProperty("bench.output", "target/notice-benchmark.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString());
        System.out.println();
        System.out.print(report);
        System.out.println("(written to " + out + ")");
        System.exit(0); // the sandbox's and Tomcat's non-daemon threads would keep the JVM alive
    }

    /**
     * Starts the app with its production sender at {@code rate}, queues more notices than the window can take (one
     * chat in 20 gets two, back to back, so the per-chat gap is met too), and counts what the fake accepted in the
     * window after the first {@link #SETTLE}.
     */
    private static Result measure(int rate, int seconds, long firstChat) {
        try (FakeBotApi telegram = new FakeBotApi().start()) {
            telegram.enforceTelegramLimits();
            Map<String, Object> settings = RunningBot.defaults(telegram.baseUrl(), TestRedis.uniquePrefix("bench-notices"));
            settings.put("notices.rate", Integer.toString(rate));
            String chatGap = System.getProperty("bench.chatGap", "");
            if (!chatGap.isBlank()) {
                settings.put("notices.chat-gap", chatGap);
            }
            try (RunningBot bot = RunningBot.start(settings, null)) {
                int notices = rate * (seconds + (int) SETTLE.toSeconds() + 10);
                Map<Long, Integer> perChat = queue(bot.bean(NoticeQueue.class), notices, firstChat);
                Instant first = telegram.awaitCall("sendMessage", Duration.ofSeconds(30)).at();
                Instant from = first.plus(SETTLE);
                Instant to = from.plusSeconds(seconds);
                Waits.until("the window to pass", Duration.ofSeconds(seconds + 60), () -> Instant.now().isAfter(to));
                long calls = telegram.calls("sendMessage").stream().filter(call -> within(call.at(), from, to)).count();
                List<Refusal> refused = telegram.refusals().stream().filter(refusal -> within(refusal.at(), from, to)).toList();
                long tooMany = refused.stream().filter(refusal -> refusal.errorCode() == 429).count();
                long toTwiceServedChats = refused.stream().filter(refusal -> perChat.get(refusal.chatId()) > 1).count();
                System.out.printf("rate %d: %d refusals in the window, %d of them to chats with two notices%n", rate,
                        refused.size(), toTwiceServedChats);
                long repeats = perChat.entrySet().stream()
                        .filter(chat -> telegram.messagesTo(chat.getKey()).size() > chat.getValue()).count();
                return new Result(rate, seconds, calls - refused.size(), tooMany, refused.size() - tooMany, repeats);
            }
        }
    }

    private static Map<Long, Integer> queue(NoticeQueue queue, int notices, long firstChat) {
        Map<Long, Integer> perChat = new HashMap<>();
        long chat = firstChat;
        for (int i = 0; i < notices; i++) {
            if (i % 20 != 1) {
                chat++;
            }
            perChat.merge(chat, 1, Integer::sum);
            Reply reply = new Reply("⏰ <b>Your eSIM expires soon</b> (benchmark " + i + ")", List.of());
            queue.enqueue(new Notice("bench-" + firstChat + "-" + i, chat, reply), Duration.ofHours(1));
        }
        return perChat;
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
