package dev.esimbot.bench;

import java.util.Arrays;
import java.util.List;

/** The latency benchmark's sizes, from the {@code bench.latency.*} system properties (see docs/benchmark.md). */
record LatencySettings(int chats, int perChat, List<Integer> delays, List<Integer> instances, int maxInFlight, int billingMax,
                       int slowDelay, int boundInFlight, int heapChats, String output) {

    static LatencySettings fromSystemProperties() {
        return new LatencySettings(Integer.getInteger("bench.latency.chats", 500), Integer.getInteger("bench.latency.perChat", 6),
                ints(System.getProperty("bench.latency.delays", "0,20,100,300")),
                ints(System.getProperty("bench.latency.instances", "1,2")),
                Integer.getInteger("bench.latency.maxInFlight", 256), Integer.getInteger("bench.latency.billingMax", 256),
                Integer.getInteger("bench.latency.slowDelay", 20), Integer.getInteger("bench.latency.boundInFlight", 16),
                Integer.getInteger("bench.latency.heapChats", 1_000),
                System.getProperty("bench.output", "target/latency-benchmark.md"));
    }

    private static List<Integer> ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }
}
