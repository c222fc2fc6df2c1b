package dev.esimbot.understanding;

import dev.esimbot.config.InvalidSettingException;
import dev.esimbot.i18n.Language;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads {@code kb_en.yaml}, {@code kb_zh.yaml} and {@code zh_traditional.txt} from the folder, then checks them. */
final class KnowledgeBaseLoader {

    static final String SETTING = "UNDERSTANDING_KB_PATH";

    private final ResourceLoader resources;
    private final String folder;

    KnowledgeBaseLoader(ResourceLoader resources, String folder) {
        this.resources = resources;
        this.folder = folder;
    }

    KnowledgeBase load() {
        Map<Language, Map<String, KbEntry>> entries = new EnumMap<>(Language.class);
        Map<Language, List<String>> synonyms = new EnumMap<>(Language.class);
        Map<String, List<String>> places = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Language language : Language.values()) {
            String file = "kb_" + language.name().toLowerCase(Locale.ROOT) + ".yaml";
            KbFile parsed = KbFile.parse(file, yaml(file), problems);
            entries.put(language, parsed.entries());
            synonyms.put(language, parsed.synonyms());
            parsed.places().forEach((place, names) -> places.computeIfAbsent(place, p -> new ArrayList<>()).addAll(names));
        }
        KnowledgeBase kb = new KnowledgeBase(entries, synonyms, places, traditional());
        problems.addAll(KbCheck.problems(kb));
        if (!problems.isEmpty()) {
            String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "";
            throw new InvalidSettingException(SETTING, "knowledge base in " + folder + ": " + problems.get(0) + more);
        }
        return kb;
    }

    private Map<String, Object> yaml(String file) {
        try (InputStream in = resource(file).getInputStream()) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object root = new Yaml(new SafeConstructor(options)).load(in);
            if (root instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                return typed;
            }
            throw new InvalidSettingException(SETTING, "knowledge base " + folder + file + " is not a YAML mapping");
        } catch (IOException e) {
            throw new InvalidSettingException(SETTING, "knowledge base file " + folder + file + " cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof InvalidSettingException) {
                throw e;
            }
            throw new InvalidSettingException(SETTING, "knowledge base " + folder + file + " is not valid YAML: " + where(e));
        }
    }

    /** The YAML problem and where it is, on one line: "found duplicate key human (line 40, column 3)". */
    private static String where(RuntimeException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            return marked.getProblem() + " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
        }
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    /** The folder's map of traditional characters, else the bundled one. */
    private Map<Character, Character> traditional() {
        Resource own = resource("zh_traditional.txt");
        Resource map = own.exists() ? own : resources.getResource("classpath:kb/zh_traditional.txt");
        Map<Character, Character> simplified = new LinkedHashMap<>();
        try (InputStream in = map.getInputStream()) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> {
                        String[] pair = line.split("\\s+");
                        if (pair.length != 2 || pair[0].length() != 1 || pair[1].length() != 1) {
                            throw new InvalidSettingException(SETTING, "zh_traditional.txt: bad line '" + line
                                    + "' (want one traditional character, a space, one simplified)");
                        }
                        simplified.put(pair[0].charAt(0), pair[1].charAt(0));
                    });
        } catch (IOException e) {
            throw new InvalidSettingException(SETTING, "zh_traditional.txt cannot be read: " + e.getMessage());
        }
        return simplified;
    }

    private Resource resource(String file) {
        return resources.getResource(folder + file);
    }
}
