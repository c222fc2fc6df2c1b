package dev.esimbot.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Wraps the handling of one update: every log line written meanwhile carries {@code chat} and {@code update} (MDC),
 * the time it took goes to {@code bot.updates{outcome=handled|failed}} (a histogram), and an exception that escapes
 * is logged with the ids and swallowed, so one bad update never stops the others. The returned outcome tells the
 * update queue whether to delete the update ({@link Outcome#RETRY}: Redis failed under it, or a {@link Retryable}
 * failure, so it is kept and retried).
 */
@Component
public class UpdateHandling {

    public static final String CHAT = "chat";
    public static final String UPDATE = "update";
    static final String METER = "bot.updates";

    private static final Logger log = LoggerFactory.getLogger(UpdateHandling.class);

    private final Timer handled;
    private final Timer failed;

    UpdateHandling(MeterRegistry meters) {
        this.handled = timer(meters, "handled");
        this.failed = timer(meters, "failed");
    }

    private static Timer timer(MeterRegistry meters, String outcome) {
        return Timer.builder(METER).description("Telegram updates by outcome, with their handling time")
                .tag("outcome", outcome).publishPercentileHistogram().register(meters);
    }

    /** How handling one update ended. */
    public enum Outcome {
        HANDLED,
        /** An unexpected failure: retrying would fail the same way, so the update is not kept. */
        FAILED,
        /** Redis failed meanwhile, or something it needs was held elsewhere: the update is kept and handled again. */
        RETRY
    }

    /** Runs the handling of one update; {@code chatId} may be null when the update belongs to no chat. */
    public Outcome run(Long chatId, long updateId, Runnable work) {
        long started = System.nanoTime();
        Timer outcome = handled;
        Outcome result = Outcome.HANDLED;
        MDC.put(CHAT, chatId == null ? "-" : Long.toString(chatId));
        MDC.put(UPDATE, Long.toString(updateId));
        try {
            work.run();
        } catch (JedisException e) {
            outcome = failed;
            result = Outcome.RETRY;
            log.warn("chat={} update={} Redis failed while handling ({}); kept for a retry", chatId, updateId,
                    e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            outcome = failed;
            if (e instanceof Retryable) {
                result = Outcome.RETRY;
                log.info("chat={} update={} {}; kept for a retry", chatId, updateId, e.getMessage());
            } else {
                result = Outcome.FAILED;
                log.error("chat={} update={} unhandled failure", chatId, updateId, e);
            }
        } catch (Error e) {
            outcome = failed; // the queue retries it a few times, then drops it
            throw e;
        } finally {
            outcome.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            MDC.remove(CHAT);
            MDC.remove(UPDATE);
        }
        return result;
    }
}
