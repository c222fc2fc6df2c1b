package dev.esimbot.config;

/**
 * A required setting is missing or malformed. Start-up stops with one line naming the environment variable.
 */
public class InvalidSettingException extends RuntimeException {

    private final String setting;

    public InvalidSettingException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    /** Throws the first problem with the others attached (suppressed), so a start-up check can list them all. */
    public static void throwAll(java.util.List<InvalidSettingException> problems) {
        if (problems.isEmpty()) {
            return;
        }
        InvalidSettingException first = problems.get(0);
        problems.subList(1, problems.size()).forEach(first::addSuppressed);
        throw first;
    }
}
