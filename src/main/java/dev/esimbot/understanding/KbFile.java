package dev.esimbot.understanding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One language's knowledge-base file, as read: what is malformed goes to the problems, naming file and entry. */
record KbFile(Map<String, KbEntry> entries, List<String> synonyms, Map<String, List<String>> places) {

    private static final Set<String> TOP = Set.of("synonyms", "entries", "places");
    private static final Set<String> FIELDS = Set.of("action", "title", "questions", "answer", "buttons", "facts",
            "sensitive");
    private static final Set<String> LISTS = Set.of("questions", "buttons");
    private static final Set<String> FLAGS = Set.of("facts", "sensitive");

    static KbFile parse(String file, Map<String, Object> root, List<String> problems) {
        Map<String, KbEntry> entries = new LinkedHashMap<>();
        unknown(file, root.keySet(), TOP, problems);
        if (root.get("synonyms") != null && !(root.get("synonyms") instanceof List<?>)) {
            problems.add(file + ": 'synonyms' is not a list");
        }
        if (!(root.get("entries") instanceof Map<?, ?> all) || all.isEmpty()) {
            problems.add(file + " has no 'entries'");
            return new KbFile(entries, List.of(), Map.of());
        }
        all.forEach((id, body) -> {
            if (body instanceof Map<?, ?> fields) {
                entry(file, String.valueOf(id), fields, problems).ifPresent(e -> entries.put(e.id(), e));
            } else {
                problems.add(file + ": entry '" + id + "' is not a mapping");
            }
        });
        Map<String, List<String>> places = new LinkedHashMap<>();
        if (root.get("places") instanceof Map<?, ?> named) {
            named.forEach((place, names) -> places.put(String.valueOf(place).toLowerCase(Locale.ROOT),
                    strings(names)));
        }
        return new KbFile(entries, strings(root.get("synonyms")), places);
    }

    private static Optional<KbEntry> entry(String file, String id, Map<?, ?> fields, List<String> problems) {
        String where = file + ": entry '" + id + "'";
        unknown(where, fields.keySet(), FIELDS, problems);
        LISTS.stream().filter(f -> fields.get(f) != null && !(fields.get(f) instanceof List<?>))
                .forEach(f -> problems.add(where + ": '" + f + "' is not a list (write [a, b] or one '- item' a line)"));
        FLAGS.stream().filter(f -> fields.get(f) != null && !(fields.get(f) instanceof Boolean))
                .forEach(f -> problems.add(where + ": '" + f + "' is not true or false"));
        Action action = null;
        if (fields.get("action") != null) {
            action = Action.parse(String.valueOf(fields.get("action"))).orElse(null);
            if (action == null) {
                problems.add(where + " has an unknown action '" + fields.get("action") + "'");
                return Optional.empty();
            }
        }
        List<String> questions = strings(fields.get("questions"));
        if (questions.isEmpty()) {
            problems.add(where + " has no questions");
        }
        String title = text(fields.get("title"));
        String answer = text(fields.get("answer"));
        if (action == null && (title.isEmpty() || answer.isEmpty())) {
            problems.add(where + " needs a title and an answer (or an action)");
        }
        return Optional.of(new KbEntry(id, action, title, answer, questions, strings(fields.get("buttons")),
                Boolean.TRUE.equals(fields.get("facts")), Boolean.TRUE.equals(fields.get("sensitive"))));
    }

    private static void unknown(String where, Set<?> keys, Set<String> known, List<String> problems) {
        keys.stream().map(String::valueOf).filter(k -> !known.contains(k)).forEach(k -> problems.add(where
                + " has an unknown field '" + k + "' (known: " + known.stream().sorted().toList() + ")"));
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(v -> v != null && !String.valueOf(v).isBlank()).forEach(v -> out.add(String.valueOf(v).strip()));
        }
        return out;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).strip();
    }
}
