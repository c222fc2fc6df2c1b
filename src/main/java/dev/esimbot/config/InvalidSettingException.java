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
}
