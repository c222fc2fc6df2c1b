package dev.esimbot.understanding;

import java.util.List;

/** One entry of the knowledge base in one language: an action (with no text) or an article. */
record KbEntry(String id, Action action, String title, String answer, List<String> questions, List<String> buttons,
               boolean facts, boolean sensitive) {

    boolean isAction() {
        return action != null;
    }

    /** What must be the same in every language; only the words differ. */
    String shape() {
        return "action=" + (action == null ? "-" : action.fileName()) + " buttons=" + buttons + " facts=" + facts
                + " sensitive=" + sensitive;
    }

    Article article() {
        return new Article(id, title, answer, buttons, facts);
    }
}
