package dev.esimbot.sandbox;

import dev.esimbot.billing.Money;
import dev.esimbot.billing.Plan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The renewal plans the sandbox sells, per region, in USD. Promotions are billing data, English only. */
final class SandboxCatalog {

    private static final Map<String, List<Plan>> PLANS = Map.of(
            "Peru", List.of(
                    plan("pe-1d", "Peru Daily 1 GB", 1, 1024, 299, null),
                    plan("pe-7d", "Peru Weekly 3 GB", 7, 3072, 999, null),
                    plan("pe-30d", "Peru Monthly 10 GB", 30, 10240, 2499, "-20% first month")),
            "Global", List.of(
                    plan("gl-1d", "Global Daily 1 GB", 1, 1024, 499, null),
                    plan("gl-7d", "Global Weekly 3 GB", 7, 3072, 1499, null),
                    plan("gl-30d", "Global Monthly 10 GB", 30, 10240, 3999, "Save 10% with auto-renew")),
            "Japan", List.of(
                    plan("jp-1d", "Japan Daily 1 GB", 1, 1024, 399, null),
                    plan("jp-5d", "Japan 5-Day 5 GB", 5, 5120, 1299, null),
                    plan("jp-15d", "Japan 15-Day 15 GB", 15, 15360, 2999, "+2 GB free")),
            "Thailand", List.of(
                    plan("th-1d", "Thailand Daily 1 GB", 1, 1024, 199, null),
                    plan("th-8d", "Thailand 8-Day 8 GB", 8, 8192, 799, "-15% this week"),
                    plan("th-30d", "Thailand Monthly 20 GB", 30, 20480, 1999, null)));

    private SandboxCatalog() {
    }

    static List<Plan> plans(String region) {
        return PLANS.getOrDefault(region, List.of());
    }

    static Optional<Plan> plan(String region, String planId) {
        return plans(region).stream().filter(plan -> plan.id().equals(planId)).findFirst();
    }

    private static Plan plan(String id, String name, int days, long dataMb, long cents, String promotion) {
        return new Plan(id, name, days, dataMb, new Money(cents, "USD"), promotion);
    }
}
