package dev.esimbot.config;

import java.util.List;
import java.util.stream.Collectors;

/** Several settings are missing or malformed: start-up stops with one line for each. */
public class InvalidSettingsException extends RuntimeException {

    private final List<InvalidSettingException> problems;

    public InvalidSettingsException(List<InvalidSettingException> problems) {
        super(problems.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<InvalidSettingException> problems() {
        return problems;
    }
}
