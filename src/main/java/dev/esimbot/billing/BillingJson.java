package dev.esimbot.billing;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Billing may add fields to its JSON at any time; that must never break reading it. */
final class BillingJson {

    private BillingJson() {
    }

    static JsonMapper tolerant(JsonMapper applicationMapper) {
        return applicationMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }
}
