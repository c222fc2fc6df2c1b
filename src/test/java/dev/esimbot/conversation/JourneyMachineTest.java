package dev.esimbot.conversation;

import static dev.esimbot.conversation.JourneyEvent.*;
import static dev.esimbot.conversation.JourneyState.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class JourneyMachineTest {

    private final JourneyMachine machine = new JourneyMachine();

    @Test
    void theRenewalPathLeadsFromStatusToConfirmed() {
        assertThat(machine.next(MENU, SHOW_ESIM, null)).contains(STATUS);
        assertThat(machine.next(STATUS, SHOW_PLANS, null)).contains(CHOOSING_PLAN);
        assertThat(machine.next(CHOOSING_PLAN, PLAN_CHOSEN, null)).contains(CONFIRMING_ORDER);
        assertThat(machine.next(CONFIRMING_ORDER, CONFIRM, null)).contains(AWAITING_PAYMENT);
        assertThat(machine.next(AWAITING_PAYMENT, PAYMENT_SUCCEEDED, null)).contains(CONFIRMED);
    }

    @Test
    void eventsThatDoNotBelongToTheStateAreRefused() {
        assertThat(machine.next(MENU, CONFIRM, null)).isEmpty();
        assertThat(machine.next(MENU, PLAN_CHOSEN, null)).isEmpty();
        assertThat(machine.next(CHOOSING_PLAN, TEXT, "hello")).isEmpty();
        assertThat(machine.next(CONFIRMED, PAYMENT_UNSUCCESSFUL, null)).isEmpty();
        assertThat(machine.next(AWAITING_PAYMENT, SHOW_ESIM, null)).isEmpty();
    }

    @Test
    void textInTheMenuIsAnIccidOnlyWhenItLooksLikeOne() {
        assertThat(machine.next(MENU, TEXT, "8985 2000 0000 1234 567")).contains(LINK_CODE);
        assertThat(machine.next(MENU, TEXT, "hello")).isEmpty();
    }

    @Test
    void helpAndLanguageKeepTheStateAndCancelAlwaysLeadsToTheMenu() {
        for (JourneyState state : JourneyState.values()) {
            assertThat(machine.next(state, HELP, null)).contains(state);
            assertThat(machine.next(state, LANGUAGE, null)).contains(state);
            assertThat(machine.next(state, CANCEL, null)).contains(MENU);
        }
    }

    @Test
    void declinedPaymentOffersRetryAndAnotherPlan() {
        assertThat(machine.next(AWAITING_PAYMENT, PAYMENT_UNSUCCESSFUL, null)).contains(PAYMENT_FAILED);
        assertThat(machine.next(PAYMENT_FAILED, RETRY, null)).contains(AWAITING_PAYMENT);
        assertThat(machine.next(PAYMENT_FAILED, CHANGE_PLAN, null)).contains(CHOOSING_PLAN);
    }

    @Test
    void aPaidRenewalThatStallsCanOnlyEndInAReceiptNeverInAnotherPayment() {
        assertThat(machine.next(AWAITING_PAYMENT, FULFILMENT_STALLED, null)).contains(RENEWAL_PENDING);
        assertThat(machine.next(RENEWAL_PENDING, PAYMENT_SUCCEEDED, null)).contains(CONFIRMED);
        assertThat(machine.next(RENEWAL_PENDING, RETRY, null)).isEmpty();
        assertThat(machine.next(RENEWAL_PENDING, CONFIRM, null)).isEmpty();
        assertThat(machine.next(RENEWAL_PENDING, PAY_IN_TELEGRAM, null)).isEmpty();
    }

    @Test
    void payingInTelegramIsOfferedOnlyWhileTheOrderAwaitsPayment() {
        assertThat(machine.next(AWAITING_PAYMENT, PAY_IN_TELEGRAM, null)).contains(AWAITING_PAYMENT);
        assertThat(machine.next(CONFIRMED, PAY_IN_TELEGRAM, null)).isEmpty();
        assertThat(machine.next(PAYMENT_FAILED, PAY_IN_TELEGRAM, null)).isEmpty();
    }

    @Test
    void aNoticesRenewNowLeadsToThePlansButNeverPastAnOpenOrPaidRenewal() {
        assertThat(machine.next(MENU, NOTICE_RENEW, "8985")).contains(CHOOSING_PLAN);
        assertThat(machine.next(CONFIRMED, NOTICE_RENEW, "8985")).contains(CHOOSING_PLAN);
        assertThat(machine.next(AWAITING_PAYMENT, NOTICE_RENEW, "8985")).isEmpty();
        assertThat(machine.next(RENEWAL_PENDING, NOTICE_RENEW, "8985")).isEmpty();
        assertThat(machine.next(RENEWAL_PENDING, NOTICE_STOP, null)).contains(RENEWAL_PENDING);
        assertThat(machine.next(STATUS, NOTIFICATIONS, "off")).contains(STATUS);
    }

    @Test
    void theDefinitionIsFlatSoAStateIdAndAFreshExtendedStateAreAllAReusedMachineNeeds() {
        // Reusing an idle machine without a restore relies on this; a definition that grows actions, deferred
        // events, timers or nested states must make JourneyMachine restore every time instead.
        var built = JourneyMachine.build();
        assertThat(built.getStates()).allSatisfy(state -> {
            assertThat(state.isComposite() || state.isOrthogonal() || state.isSubmachineState()).as(state.getId() + " nested").isFalse();
            assertThat(state.getEntryActions()).as(state.getId() + " entry actions").isEmpty();
            assertThat(state.getExitActions()).as(state.getId() + " exit actions").isEmpty();
            assertThat(state.getStateActions()).as(state.getId() + " state actions").isEmpty();
            assertThat(state.getDeferredEvents()).as(state.getId() + " deferred events").isEmpty();
        });
        assertThat(built.getTransitions()).allSatisfy(transition -> {
            assertThat(transition.getActions()).as("transition actions").isEmpty();
            assertThat(transition.getTrigger() == null || transition.getTrigger().getEvent() != null)
                    .as("only event triggers, no timers").isTrue();
        });
    }

    @Test
    void aMachineReusedInTheStateItReachedCarriesNothingFromTheLastChat() {
        // GIVEN a chat whose event fired into the menu (the machine that ran it now idles there, marked "fired")
        JourneyMachine single = new JourneyMachine();
        assertThat(single.next(STATUS, CANCEL, null)).contains(MENU);
        // WHEN the next chat, in the menu, sends text its guard refuses THEN nothing fired for it
        assertThat(single.next(MENU, TEXT, "hello")).isEmpty();
        // and a chat in another state is restored into that state, whatever the idle machine's state was
        assertThat(single.next(CONFIRMING_ORDER, CONFIRM, null)).contains(AWAITING_PAYMENT);
        assertThat(single.next(MENU, CONFIRM, null)).isEmpty();
        assertThat(single.next(MENU, TEXT, "8985 2000 0000 1234 567")).contains(LINK_CODE);
    }

    @Test
    void pooledMachinesGiveTheSameAnswersUnderConcurrency() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean even = i % 2 == 0;
            calls.add(() -> even
                    ? machine.next(CONFIRMING_ORDER, CONFIRM, null).orElseThrow() == AWAITING_PAYMENT
                    : machine.next(MENU, CONFIRM, null).isEmpty());
        }
        for (Future<Boolean> result : pool.invokeAll(calls)) {
            assertThat(result.get()).isTrue();
        }
        pool.shutdown();
    }
}
