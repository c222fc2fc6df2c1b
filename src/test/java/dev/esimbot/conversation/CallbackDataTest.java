package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackDataTest {

    @Test
    void roundTripsWithinTelegramsSixtyFourBytes() {
        CallbackData data = CallbackData.of(JourneyEvent.SHOW_ESIM, "89852000000012345678", 1_000_000L);

        assertThat(data.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        assertThat(CallbackData.parse(data.encode())).contains(data);
    }

    @Test
    void forgedOrMalformedDataDoesNotParse() {
        assertThat(CallbackData.parse("pl:pe-7d")).isEmpty();
        assertThat(CallbackData.parse("zz:x:1")).isEmpty();
        assertThat(CallbackData.parse("pl:<script>:1")).isEmpty();
        assertThat(CallbackData.parse("pl:pe-7d:not-a-number!")).isEmpty();
        assertThat(CallbackData.parse("x".repeat(65))).isEmpty();
        assertThat(CallbackData.parse(null)).isEmpty();
    }

    @Test
    void noticeButtonsCarryNoVersionAndOnlyNoticeActionsMayOmitIt() {
        CallbackData renew = CallbackData.ofNotice(JourneyEvent.NOTICE_RENEW, "89852000000012345678");

        assertThat(renew.encode()).isEqualTo("nr:89852000000012345678:-");
        assertThat(CallbackData.parse(renew.encode())).contains(renew);
        assertThat(CallbackData.parse("e:89852000000012345678:-")).as("a screen button without version").isEmpty();
        assertThat(CallbackData.parse("nr:89852000000012345678:5")).as("a notice action with a version").isEmpty();
    }
}
