package dev.esimbot.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an {@link InvalidSettingException} anywhere in the start-up failure into one clear line. */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis("Invalid configuration: " + cause.getMessage(),
                "Set " + cause.setting() + " in the environment (see the configuration table in README.md).", cause);
    }
}
