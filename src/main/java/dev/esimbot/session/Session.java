package dev.esimbot.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is kept per chat: the conversation state name, small string context, and the last handled update ids
 * (a repeated {@code update_id} is processed once).
 */
public record Session(String state, Map<String, String> data, List<Long> recentUpdates) {

    static final int RECENT_UPDATES = 16;

    public Session {
        data = new LinkedHashMap<>(data == null ? Map.of() : data);
        recentUpdates = List.copyOf(recentUpdates == null ? List.of() : recentUpdates);
    }

    public static Session empty() {
        return new Session(null, Map.of(), List.of());
    }

    public boolean isNew() {
        return state == null;
    }

    public boolean handled(long updateId) {
        return recentUpdates.contains(updateId);
    }

    public Session withUpdate(long updateId) {
        List<Long> ids = new ArrayList<>(recentUpdates);
        ids.add(updateId);
        if (ids.size() > RECENT_UPDATES) {
            ids = ids.subList(ids.size() - RECENT_UPDATES, ids.size());
        }
        return new Session(state, data, ids);
    }

    public Session with(String newState, Map<String, String> newData) {
        return new Session(newState, newData, recentUpdates);
    }

    public String get(String key) {
        return data.get(key);
    }
}
