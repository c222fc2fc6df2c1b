package dev.esimbot.config;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Lists every bad setting found before start-up, one line each. */
class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
        String lines = cause.problems().stream().map(p -> "Invalid configuration: " + p.getMessage())
                .collect(Collectors.joining("\n"));
        String settings = cause.problems().stream().map(InvalidSettingException::setting).distinct()
                .collect(Collectors.joining(", "));
        return new FailureAnalysis(lines, "Set " + settings + " in the environment (see the configuration table in README.md).", cause);
    }
}
