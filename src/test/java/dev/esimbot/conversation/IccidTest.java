package dev.esimbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IccidTest {

    @Test
    void acceptsLuhnValidIccidsWithSpacesOrDashes() {
        assertThat(Iccid.parse("8944 5001 0219 8304 826")).contains("8944500102198304826");
        assertThat(Iccid.parse("89445-00102-19830-4826")).contains("8944500102198304826");
    }

    @Test
    void refusesWrongPrefixLengthOrChecksum() {
        assertThat(Iccid.parse("8944500102198304827")).isEmpty();
        assertThat(Iccid.parse("1944500102198304826")).isEmpty();
        assertThat(Iccid.parse("894450010219830482")).isEmpty();
        assertThat(Iccid.parse("hello")).isEmpty();
    }
}
