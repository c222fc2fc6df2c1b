package dev.esimbot.conversation;

import static dev.esimbot.conversation.JourneyEvent.*;

import dev.esimbot.billing.BillingUnavailableException;
import dev.esimbot.billing.Esim;
import dev.esimbot.billing.EsimStatus;
import dev.esimbot.conversation.Answer.Choice;
import dev.esimbot.i18n.Texts;
import dev.esimbot.understanding.Article;
import dev.esimbot.understanding.Understanding;
import dev.esimbot.understanding.UnansweredTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The screens free text leads to when it is not an action: a knowledge-base article with its buttons (and the
 * user's eSIM's facts when it is clear which one), "not sure" with the closest articles and a person (the person
 * first after two misses in a row), and the eSIM chooser of an action that fits several eSIMs.
 */
@Component
class Answers {

    /** {@code ANSWER} with this prefix asks which eSIM an action is for: {@code pick.renew}, {@code pick.status}. */
    static final String PICK = "pick.";
    /** {@code ANSWER} with this prefix offers one button for an action the text named: {@code offer.human}. */
    static final String OFFER = "offer.";
    /** {@code ANSWER} with this argument shows the current step's own screen again (its buttons). */
    static final String BACK = "back.";
    private static final int MISSES_BEFORE_PERSON = 2;

    private final Understanding understanding;
    private final UnansweredTexts unanswered;
    private final Texts texts;
    private final Words words;

    Answers(Understanding understanding, UnansweredTexts unanswered, Texts texts, Words words) {
        this.understanding = understanding;
        this.unanswered = unanswered;
        this.texts = texts;
        this.words = words;
    }

    void show(Turn turn, String argument) {
        if (argument.startsWith(PICK)) {
            chooser(turn, argument.substring(PICK.length()));
            return;
        }
        if (argument.equals(BACK)) {
            return; // no answer: the step's own screen
        }
        if (argument.startsWith(OFFER)) {
            offer(turn, argument.substring(OFFER.length()));
            return;
        }
        Optional<Article> article = understanding.article(argument, turn.language());
        if (article.isPresent()) {
            turn.context.misses(0);
            article(turn, article.get());
        } else {
            notSure(turn);
        }
    }

    /**
     * The eSIM the user's words are about: the one the text names, else the only one, else the one the current step
     * is about (its status, its plans, its order). Empty
     * when that is unclear, or billing cannot tell now (an answer does not depend on billing).
     */
    Optional<Esim> about(Turn turn) {
        try {
            List<Esim> esims = turn.esims();
            if (turn.freeText != null) {
                List<Esim> named = esims.stream().filter(e -> understanding.names(turn.freeText, e.region())
                        || understanding.names(turn.freeText, e.planName())).toList();
                if (named.size() == 1) {
                    return Optional.of(named.get(0));
                }
            }
            if (esims.size() == 1) {
                return Optional.of(esims.get(0));
            }
            String shown = turn.startState == JourneyState.MENU ? null : turn.context.esim();
            return esims.stream().filter(e -> e.iccid().equals(shown)).findFirst();
        } catch (BillingUnavailableException e) {
            return Optional.empty();
        }
    }

    private void article(Turn turn, Article article) {
        Optional<Esim> esim = about(turn);
        List<List<Choice>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (article.facts() && esim.isPresent()) {
            Esim e = esim.get();
            boolean ended = e.status() == EsimStatus.EXPIRED;
            text.append(ended ? text(turn, "understand.facts-expired", words.label(e))
                    : text(turn, "understand.facts", words.label(e), words.shortStatus(e, turn.language()))).append("\n\n");
            if (ended && !article.buttons().contains("renew")) {
                rows.add(List.of(choice(turn, "renew", esim)));
            }
        }
        text.append(article.text());
        rows.add(article.buttons().stream().map(b -> choice(turn, b, esim)).toList());
        back(turn, rows);
        if (!article.buttons().contains("menu")) {
            rows.add(List.of(choice(turn, "menu", esim)));
        }
        turn.answer = new Answer(text.toString(), rows);
    }

    /** A text not understood: counted, kept for the shop (masked), and one more miss in a row. */
    int missed(Turn turn, String text) {
        int misses = turn.context.misses() + 1;
        turn.context.misses(misses);
        if (text != null) {
            unanswered.record(text, turn.language());
        }
        return misses;
    }

    private void notSure(Turn turn) {
        int misses = missed(turn, turn.freeText);
        List<String> closest = turn.understood == null ? List.of() : turn.understood.closest();
        List<List<Choice>> rows = new ArrayList<>();
        List<Choice> person = List.of(choice(turn, "human", Optional.empty()));
        boolean personFirst = misses >= MISSES_BEFORE_PERSON;
        if (personFirst) {
            rows.add(person);
        }
        closest.forEach(id -> understanding.article(id, turn.language())
                .ifPresent(a -> rows.add(List.of(new Choice(a.title(), ANSWER, a.id())))));
        if (!personFirst) {
            rows.add(person);
        }
        back(turn, rows);
        rows.add(List.of(choice(turn, "menu", Optional.empty())));
        turn.answer = new Answer(text(turn, personFirst ? "understand.not-sure-again" : "understand.not-sure"), rows);
    }

    /** An action that would change something at once (a ticket, the language): its button, for the user to tap. */
    private void offer(Turn turn, String button) {
        turn.context.misses(0);
        List<List<Choice>> rows = new ArrayList<>();
        rows.add(List.of(choice(turn, button, Optional.empty())));
        back(turn, rows);
        rows.add(List.of(choice(turn, "menu", Optional.empty())));
        turn.answer = new Answer(text(turn, "understand.offer-" + button), rows);
    }

    private void chooser(Turn turn, String action) {
        List<Esim> esims = turn.esims();
        List<List<Choice>> rows = new ArrayList<>();
        JourneyEvent event = action.equals("renew") ? NOTICE_RENEW : SHOW_ESIM;
        esims.forEach(e -> rows.add(List.of(new Choice(words.buttonLabel(e, turn.language()), event, e.iccid()))));
        if (esims.isEmpty()) {
            rows.add(List.of(choice(turn, "link", Optional.empty())));
        }
        back(turn, rows);
        rows.add(List.of(choice(turn, "menu", Optional.empty())));
        turn.answer = new Answer(text(turn, esims.isEmpty() ? "understand.no-esim" : "understand.choose-esim"), rows);
    }

    /** Mid-flow, a row back to the step's own screen, whose buttons the answer replaced (Confirm, Change, Cancel). */
    private void back(Turn turn, List<List<Choice>> rows) {
        if (turn.state != JourneyState.MENU) {
            rows.add(List.of(choice(turn, "btn.back", ANSWER, BACK)));
        }
    }

    /** An article's button by its name in the knowledge base (see {@link Article#BUTTONS}). */
    private Choice choice(Turn turn, String name, Optional<Esim> esim) {
        return switch (name) {
            case "status", "auto-renew" -> esim.map(e -> choice(turn, "btn.esim-status", SHOW_ESIM, e.iccid()))
                    .orElseGet(() -> choice(turn, "btn.esim-status", ANSWER, PICK + "status"));
            case "renew" -> esim.map(e -> choice(turn, "btn.renew", NOTICE_RENEW, e.iccid()))
                    .orElseGet(() -> choice(turn, "btn.renew", ANSWER, PICK + "renew"));
            case "human" -> choice(turn, "btn.support", SUPPORT, "");
            case "orders" -> choice(turn, "btn.orders", ORDERS, "");
            case "help" -> choice(turn, "btn.help", HELP, "");
            case "link" -> choice(turn, "btn.link", LINK, "");
            case "language" -> choice(turn, "btn.language", LANGUAGE, "");
            case "notifications" -> choice(turn, "btn.reminders", NOTIFICATIONS, "");
            default -> choice(turn, "btn.menu", OPEN_MENU, "");
        };
    }

    private Choice choice(Turn turn, String labelKey, JourneyEvent event, String argument) {
        return new Choice(text(turn, labelKey), event, argument);
    }

    private String text(Turn turn, String key, Object... args) {
        return texts.get(turn.language(), key, args);
    }
}
