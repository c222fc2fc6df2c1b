package dev.esimbot.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Runs before anything starts: binds every feature's settings record once, so that all bad settings are reported
 * together, one line each (the records check themselves), instead of one per attempt. Also turns {@code LOG_FORMAT}
 * into Boot's structured logging, before the logging system starts.
 */
class SettingsCheck implements EnvironmentPostProcessor {

    private static final String BASE_PACKAGE = "dev.esimbot";
    private static final Map<String, String> LOG_FORMATS = Map.of("json", "ecs", "ecs", "ecs", "logstash", "logstash",
            "gelf", "gelf");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<InvalidSettingException> problems = new ArrayList<>();
        logFormat(environment, problems);
        Binder binder = Binder.get(environment);
        for (Class<?> settings : settingsRecords()) {
            String prefix = settings.getAnnotation(ConfigurationProperties.class).value();
            try {
                binder.bindOrCreate(prefix, Bindable.of(settings));
            } catch (BindException e) {
                problems.addAll(problems(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    private static void logFormat(ConfigurableEnvironment environment, List<InvalidSettingException> problems) {
        String wanted = environment.getProperty("LOG_FORMAT", "").strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty() || wanted.equals("text")) {
            return;
        }
        String format = LOG_FORMATS.get(wanted);
        if (format == null) {
            problems.add(new InvalidSettingException("LOG_FORMAT", "must be text, json (= ecs), ecs, logstash or gelf, got " + wanted));
            return;
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("logging.structured.format.console", format);
        environment.getPropertySources().addFirst(new MapPropertySource("logFormat", structured));
    }

    /**
     * The record's own check names the variable (and may attach more problems as suppressed); a value that does not
     * even convert is named after its property.
     */
    private static List<InvalidSettingException> problems(BindException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSettingException invalid) {
                List<InvalidSettingException> all = new ArrayList<>(List.of(invalid));
                for (Throwable more : invalid.getSuppressed()) {
                    if (more instanceof InvalidSettingException also) {
                        all.add(also);
                    }
                }
                return all;
            }
        }
        String property = e.getProperty() != null ? e.getProperty().getName().toString() : e.getName().toString();
        String variable = property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        Object value = e.getProperty() != null ? e.getProperty().getValue() : null;
        return List.of(new InvalidSettingException(variable, "has a value that cannot be read: '" + value + "'"));
    }

    private static List<Class<?>> settingsRecords() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> records = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), SettingsCheck.class.getClassLoader());
            if (type.isRecord()) {
                records.add(type);
            }
        }
        return records;
    }
}
