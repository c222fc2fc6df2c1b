package dev.esimbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SandboxIccidsTest {

    @Test
    void iccidsAreNineteenDigitsStartingWith89AndLuhnValid() {
        for (long customer : new long[] {0, 42, 123_456_789, 99_999_999_999L, 999_999_999_999L}) {
            for (int index = 0; index <= 9; index++) {
                assertThat(SandboxIccids.of(customer, index)).hasSize(19).startsWith("89").matches("\\d+")
                        .satisfies(iccid -> assertThat(luhnValid(iccid)).as(iccid).isTrue());
            }
        }
    }

    @Test
    void iccidsCanBeWrittenLiterallyInScriptedTests() {
        assertThat(SandboxIccids.of(42, SandboxIccids.PERU)).isEqualTo("8985200000000004210");
        assertThat(SandboxIccids.demoToken(42)).isEqualTo("demo-42");
    }

    @Test
    void eachCustomerAndIndexHasItsOwnIccid() {
        assertThat(IntStream.rangeClosed(1, 5).mapToObj(i -> SandboxIccids.of(7, i)))
                .doesNotHaveDuplicates().doesNotContain(SandboxIccids.of(8, 1));
    }

    @Test
    void outOfRangeInputsAreRefused() {
        assertThatThrownBy(() -> SandboxIccids.of(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxIccids.of(1_000_000_000_000L, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxIccids.of(1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An independent Luhn check: double every second digit from the right, the sum must end in 0. */
    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (digit * 2) / 10 + (digit * 2) % 10 : digit;
        }
        return sum % 10 == 0;
    }
}
