package dev.esimbot.conversation;

import dev.esimbot.billing.BillingRejectedException;
import dev.esimbot.billing.Esim;
import dev.esimbot.billing.LinkChallenge;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** /start with a deep-link token, and linking by ICCID plus the one-time code from the purchase e-mail. */
@Component
class LinkingSteps {

    /** Telegram only passes [A-Za-z0-9_-]{1,64} as a start parameter; anything else is not a token. */
    private static final Pattern START_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern CODE = Pattern.compile("\\d{4,8}");

    private final Words words;

    LinkingSteps(Words words) {
        this.words = words;
    }

    void start(Turn turn, JourneyState target, String payload) {
        turn.context.leaveFlow();
        turn.state = target;
        if (payload == null || payload.isBlank()) {
            turn.notice("welcome");
            return;
        }
        if (!START_TOKEN.matcher(payload).matches()) {
            turn.notice("link.token-invalid");
            return;
        }
        try {
            Esim esim = turn.billing().linkByToken(turn.customerId(), payload);
            turn.committed = true;
            turn.remember(esim);
            turn.context.esim(esim.iccid());
            turn.notice("link.done", words.label(esim));
        } catch (BillingRejectedException rejected) {
            turn.notice("already_linked".equals(rejected.code()) ? "link.already-linked" : "link.token-invalid");
        }
    }

    void text(Turn turn, JourneyState target, String text) {
        if (turn.startState == JourneyState.LINK_CODE) {
            code(turn, target, text.trim());
        } else {
            iccid(turn, text);
        }
    }

    private void iccid(Turn turn, String text) {
        Optional<String> iccid = Iccid.parse(text);
        turn.state = JourneyState.LINK_ICCID;
        if (iccid.isEmpty()) {
            turn.notice("link.iccid-invalid");
            return;
        }
        try {
            LinkChallenge challenge = turn.billing().startLink(turn.customerId(), iccid.get());
            turn.context.linking(iccid.get(), challenge.maskedEmail());
            turn.state = JourneyState.LINK_CODE;
        } catch (BillingRejectedException rejected) {
            turn.notice("already_linked".equals(rejected.code()) ? "link.already-linked" : "link.iccid-unknown");
        }
    }

    private void code(Turn turn, JourneyState target, String code) {
        if (!CODE.matcher(code).matches()) {
            turn.notice("link.code-format");
            return;
        }
        try {
            Esim esim = turn.billing().confirmLink(turn.customerId(), turn.context.linking(), code);
            turn.committed = true;
            turn.remember(esim);
            turn.context.esim(esim.iccid());
            turn.context.linking(null, null);
            turn.notice("link.done", words.label(esim));
            turn.state = target;
        } catch (BillingRejectedException rejected) {
            if ("too_many_attempts".equals(rejected.code())) {
                turn.context.linking(null, null);
                turn.notice("link.code-too-many");
                turn.state = target;
            } else {
                turn.notice("link.code-wrong");
            }
        }
    }
}
