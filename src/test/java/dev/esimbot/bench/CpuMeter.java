package dev.esimbot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a measurement, from Linux's {@code /proc}: the whole machine, this JVM, and the
 * redis-server process when it runs on this machine. What is left is everyone else, so a run disturbed by other work
 * on the machine shows it. Values are percent of one core (200 = both cores of a 2-core machine).
 */
final class CpuMeter {

    /** Clock ticks per second of /proc/stat and /proc/[pid]/stat; 100 on every common Linux build. */
    private static final double TICKS_PER_SECOND = 100;

    /**
     * @param interrupts kernel time in interrupts and softirqs (loopback TCP among it); this kernel also bills much of
     *                   it to the process that was running, so it overlaps the process columns and is not subtracted
     * @param busiest    the other processes that used the most CPU, as "command (working directory) percent"
     */
    record Usage(double machine, double jvm, double redis, double interrupts, List<String> busiest) {
        double others() {
            return Math.max(0, machine - jvm - redis);
        }
    }

    private final long redisPid;
    private long wallStart;
    private long machineStart;
    private long interruptsStart;
    private long jvmStart;
    private long redisStart;
    private Map<Long, Long> processesStart = Map.of();

    /** @param redisPid the redis-server's process id (INFO server), or 0 when it is not on this machine */
    CpuMeter(long redisPid) {
        this.redisPid = redisPid;
    }

    void start() {
        wallStart = System.nanoTime();
        machineStart = machineBusyTicks();
        interruptsStart = interruptTicks();
        jvmStart = jvmNanos();
        redisStart = processTicks(redisPid);
        processesStart = allProcessTicks();
    }

    Usage stop() {
        double seconds = (System.nanoTime() - wallStart) / 1e9;
        double machine = (machineBusyTicks() - machineStart) / TICKS_PER_SECOND;
        double jvm = (jvmNanos() - jvmStart) / 1e9;
        double redis = (processTicks(redisPid) - redisStart) / TICKS_PER_SECOND;
        double interrupts = (interruptTicks() - interruptsStart) / TICKS_PER_SECOND;
        return new Usage(100 * machine / seconds, 100 * jvm / seconds, 100 * redis / seconds, 100 * interrupts / seconds,
                busiestOthers(seconds));
    }

    /** Up to three other processes that used at least 5 % of a core: who else was on the machine. */
    private List<String> busiestOthers(double seconds) {
        long self = ProcessHandle.current().pid();
        Map<Long, Long> now = allProcessTicks();
        return now.entrySet().stream()
                .filter(e -> e.getKey() != self && e.getKey() != redisPid)
                .map(e -> Map.entry(e.getKey(), 100 * (e.getValue() - processesStart.getOrDefault(e.getKey(), 0L)) / TICKS_PER_SECOND / seconds))
                .filter(e -> e.getValue() >= 5)
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed()).limit(3)
                .map(e -> String.format(Locale.ROOT, "%s (%s) %.0f %%", command(e.getKey()), directory(e.getKey()), e.getValue()))
                .toList();
    }

    private static Map<Long, Long> allProcessTicks() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).collect(Collectors.toMap(pid -> pid, CpuMeter::processTicks));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** The short command name only: full command lines may carry secrets. */
    private static String command(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "comm")).trim();
    }

    private static String directory(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")).toString();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** user + nice + system + irq + softirq + steal of the {@code cpu} line; idle and iowait are not busy. */
    private static long machineBusyTicks() {
        long[] f = cpuLine();
        return f[1] + f[2] + f[3] + f[6] + f[7] + f[8];
    }

    private static long interruptTicks() {
        long[] f = cpuLine();
        return f[6] + f[7];
    }

    /** The machine-wide {@code cpu} line of /proc/stat: user nice system idle iowait irq softirq steal ... */
    private static long[] cpuLine() {
        String[] f = read(Path.of("/proc/stat")).lines().findFirst().orElse("cpu").trim().split("\\s+");
        long[] ticks = new long[9];
        for (int i = 1; i < Math.min(f.length, ticks.length); i++) {
            ticks[i] = Long.parseLong(f[i]);
        }
        return ticks;
    }

    /** utime + stime of a process; its name may contain spaces, so fields are counted after the closing ')'. */
    private static long processTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat.lastIndexOf(')') < 0) {
            return 0;
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return "";
        }
    }
}
