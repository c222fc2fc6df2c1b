package dev.esimbot.session;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Compact JSON for sessions: short field names keep a session well under 2 KB. */
@Component
class SessionCodec {

    private final JsonMapper json = JsonMapper.builder().build();

    record Stored(String s, java.util.Map<String, String> d, java.util.List<Long> u) {
    }

    String encode(Session session) {
        return json.writeValueAsString(new Stored(session.state(), session.data(), session.recentUpdates()));
    }

    Session decode(String text) {
        Stored stored = json.readValue(text, Stored.class);
        return new Session(stored.s(), stored.d(), stored.u());
    }
}
