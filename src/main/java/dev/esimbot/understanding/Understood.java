package dev.esimbot.understanding;

import java.util.List;

/**
 * What a text was taken to mean.
 *
 * @param kind    an action, an article, or not sure
 * @param entry   the knowledge-base entry (action or article id); empty when not sure
 * @param action  the action, for {@link Kind#ACTION}; null otherwise
 * @param closest for {@link Kind#NOT_SURE}: the ids of the closest articles, best first (at most three)
 * @param money   the article about paying, refunds or cancelling that the text comes close to, or empty: with one,
 *                nothing may be done for the text without a tap
 */
public record Understood(Kind kind, String entry, Action action, List<String> closest, String money) {

    public enum Kind { ACTION, ARTICLE, NOT_SURE }

    public boolean aboutMoney() {
        return !money.isEmpty();
    }

    public boolean is(Kind wanted) {
        return kind == wanted;
    }
}
