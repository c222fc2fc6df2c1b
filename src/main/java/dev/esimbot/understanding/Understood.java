package dev.esimbot.understanding;

import java.util.List;

/**
 * What a text was taken to mean.
 *
 * @param kind    an action, an article, or not sure
 * @param entry   the knowledge-base entry (action or article id); empty when not sure
 * @param action  the action, for {@link Kind#ACTION}; null otherwise
 * @param closest for {@link Kind#NOT_SURE}: the ids of the closest articles, best first (at most three)
 */
public record Understood(Kind kind, String entry, Action action, List<String> closest) {

    public enum Kind { ACTION, ARTICLE, NOT_SURE }

    public boolean is(Kind wanted) {
        return kind == wanted;
    }
}
