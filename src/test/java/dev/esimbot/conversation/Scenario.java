package dev.esimbot.conversation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted conversation from {@code conversations/}. The header and the user's actions are read from the file; the
 * bot's lines are what the replay must reproduce exactly.
 */
record Scenario(Path file, List<String> header, long customer, String firstName, String language, String profile,
                boolean staffTopics, List<String> actions) {

    static Scenario read(Path file) throws IOException {
        List<String> header = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        long customer = 0;
        String name = "Alex";
        String language = "en";
        String profile = "demo";
        boolean topics = true;
        boolean inHeader = true;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (isAction(line)) {
                inHeader = false;
                actions.add(line.strip());
            } else if (inHeader && !line.isBlank()) {
                header.add(line.stripTrailing());
                String value = line.contains(":") ? line.substring(line.indexOf(':') + 1).strip() : "";
                if (line.startsWith("customer:")) {
                    customer = Long.parseLong(value);
                } else if (line.startsWith("name:")) {
                    name = value;
                } else if (line.startsWith("language:")) {
                    language = value;
                } else if (line.startsWith("sandbox:")) {
                    profile = value;
                } else if (line.startsWith("staff group:")) {
                    topics = !value.equals("replies");
                }
            }
        }
        if (customer == 0) {
            throw new IllegalArgumentException(file + ": the header needs 'customer: <telegram user id>'");
        }
        return new Scenario(file, header, customer, name, language, profile, topics, actions);
    }

    static boolean isAction(String line) {
        return line.startsWith("user") || line.startsWith("check:") || line.startsWith("clock:")
                || line.startsWith("telegram ") || line.startsWith("billing ") || line.startsWith("the checkout ")
                || line.startsWith("agent ") || line.startsWith("reminders: ");
    }
}
