package dev.esimbot.local;

import dev.esimbot.sandbox.SandboxProfile;
import java.util.List;

/** The people one can be on the local chat page; each has a chat of their own and seeded eSIMs in the sandbox. */
record DemoUser(long id, String firstName, String languageCode, SandboxProfile profile) {

    static final List<DemoUser> ALL = List.of(
            new DemoUser(900_001, "Alice", "en", SandboxProfile.DEMO),
            new DemoUser(900_002, "小王", "zh-hans", SandboxProfile.DEMO),
            new DemoUser(900_003, "Noah", "en", SandboxProfile.FRESH));

    static DemoUser find(long id) {
        return ALL.stream().filter(u -> u.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + id));
    }
}
