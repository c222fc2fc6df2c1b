package dev.esimbot.bench;

import dev.esimbot.bench.Latencies.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as Markdown: the same text goes to the console and to {@code target/benchmark.md}. */
final class Report {

    /** Redis memory of the session keys of one mix's chats, after the run. */
    record SessionBytes(Mix mix, int sessions, double averageBytes, long maxBytes, double averageJsonLength) {
    }

    private final List<String> lines = new ArrayList<>();

    Report heading(String text) {
        lines.add("");
        lines.add("## " + text);
        lines.add("");
        return this;
    }

    Report line(String text) {
        lines.add(text);
        return this;
    }

    Report pipeline(List<MixResult> results) {
        lines.add("| mix | updates | updates/s | handling p50 / p99 / max (ms) | in-batch p50 / p99 (ms) | batch p50 / p99 (ms) | billing calls / update | Telegram calls / update |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (MixResult r : results) {
            lines.add(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %s / %s | %s / %s | %s / %s | %.2f | %.2f |",
                    r.mix().title, r.updates(), r.updatesPerSecond(), p50p99(r.handling()), ms(r.handling().max()),
                    ms(r.inBatch().p50()), ms(r.inBatch().p99()), ms(r.batches().p50()), ms(r.batches().p99()),
                    r.billingCallsPerUpdate(), r.telegramCallsPerUpdate()));
        }
        return this;
    }

    Report parts(List<MixResult> results) {
        lines.add("| mix | handling | billing calls | state machine | Telegram client (JSON, no network) | rest: Redis, rendering, pipeline |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (MixResult r : results) {
            double billing = r.partMillis().get(Probes.Part.BILLING);
            double machine = r.partMillis().get(Probes.Part.STATE_MACHINE);
            double telegram = r.partMillis().get(Probes.Part.TELEGRAM);
            double rest = r.handling().mean() - billing - machine - telegram;
            lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |", r.mix().title, ms(r.handling().mean()),
                    ms(billing), ms(machine), ms(telegram), ms(rest)));
        }
        return this;
    }

    Report cpu(List<MixResult> results) {
        lines.add("| mix | whole machine | this JVM (app + sandbox + benchmark) | redis-server | other processes | of all: kernel interrupts |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (MixResult r : results) {
            CpuMeter.Usage u = r.cpu();
            lines.add(String.format(Locale.ROOT, "| %s | %.0f %% | %.0f %% | %.0f %% | %.0f %%%s | %.0f %% |", r.mix().title,
                    u.machine(), u.jvm(), u.redis(), u.others(),
                    u.busiest().isEmpty() ? "" : ": " + String.join(", ", u.busiest()), u.interrupts()));
        }
        return this;
    }

    Report sessions(List<SessionBytes> sizes) {
        lines.add("| mix | sessions | MEMORY USAGE avg (bytes) | max (bytes) | stored JSON avg (chars) |");
        lines.add("| --- | ---: | ---: | ---: | ---: |");
        for (SessionBytes s : sizes) {
            lines.add(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %,d | %,.0f |", s.mix().title, s.sessions(),
                    s.averageBytes(), s.maxBytes(), s.averageJsonLength()));
        }
        return this;
    }

    Report floor(List<Floor.Result> results) {
        lines.add("| operation | threads | operations | operations/s | p50 / p99 (ms) | CPU: machine / other processes |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (Floor.Result r : results) {
            lines.add(String.format(Locale.ROOT, "| %s | %d | %,d | %,.0f | %s | %.0f %% / %.0f %% |", r.name(), r.threads(),
                    r.ops(), r.opsPerSecond(), p50p99(r.latency()), r.cpu().machine(), r.cpu().others()));
        }
        return this;
    }

    /** The update queue's runs beside the raw floor with as many threads as workers. */
    Report streams(List<StreamRun.Result> results, Floor.Result floor) {
        lines.add("| path | instances | updates | updates/s | handling p50 / p99 / max (ms) | of the raw floor (" + floor.threads()
                + " threads) | CPU: machine / JVM / redis-server / other |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (StreamRun.Result r : results) {
            CpuMeter.Usage u = r.cpu();
            lines.add(String.format(Locale.ROOT, "| %s | %d | %,d | %,.0f | %s / %s | %.0f %% | %.0f %% / %.0f %% / %.0f %% / %.0f %% |",
                    r.title(), r.instances(), r.updates(), r.updatesPerSecond(), p50p99(r.handling()), ms(r.handling().max()),
                    100 * r.updatesPerSecond() / floor.opsPerSecond(), u.machine(), u.jvm(), u.redis(), u.others()));
        }
        lines.add(String.format(Locale.ROOT, "| raw floor: session round trip + state machine | - | %,d | %,.0f | %s / - | 100 %% | %.0f %% / - / - / %.0f %% |",
                floor.ops(), floor.opsPerSecond(), p50p99(floor.latency()), floor.cpu().machine(), floor.cpu().others()));
        return this;
    }

    String text() {
        return String.join("\n", lines).strip() + "\n";
    }

    private static String p50p99(Summary s) {
        return ms(s.p50()) + " / " + ms(s.p99());
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }
}
