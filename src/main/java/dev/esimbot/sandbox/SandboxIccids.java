package dev.esimbot.sandbox;

/**
 * The sandbox's ICCIDs, derived from the customer id so scripted tests can write them literally:
 * {@code 89852} + customer id zero-padded to 12 digits + index digit + Luhn check digit (19 digits in all).
 * For example {@code of(42, PERU)} is {@code 89852 000000000042 1 0} = {@code 8985200000000004210}.
 */
public final class SandboxIccids {

    /** Demo profile, linked: Peru 7-day, ACTIVE, 300 of 3072 MB, valid for 2 days 5 hours. */
    public static final int PERU = 1;
    /** Demo profile, linked: Global 30-day, ACTIVE, 8192 of 10240 MB, 20 days, auto-renew on. */
    public static final int GLOBAL = 2;
    /** Demo profile, linked: Japan 5-day, EXPIRED 3 days ago, 0 of 5120 MB. */
    public static final int JAPAN = 3;
    /** Both profiles, unlinked: Thailand 8-day, NOT_ACTIVATED; link by ICCID + the one-time code. */
    public static final int UNLINKED_BY_CODE = 4;
    /** Both profiles, unlinked: Global 7-day, NOT_ACTIVATED; link with the deep-link token {@link #demoToken}. */
    public static final int UNLINKED_BY_TOKEN = 5;

    private static final long MAX_CUSTOMER_ID = 999_999_999_999L;

    private SandboxIccids() {
    }

    public static String of(long customerId, int index) {
        if (customerId < 0 || customerId > MAX_CUSTOMER_ID) {
            throw new IllegalArgumentException("customer id out of the sandbox range: " + customerId);
        }
        if (index < 0 || index > 9) {
            throw new IllegalArgumentException("index must be one digit: " + index);
        }
        String payload = "89852" + String.format("%012d", customerId) + index;
        return payload + luhnCheckDigit(payload);
    }

    /** The deep-link token that links the {@link #UNLINKED_BY_TOKEN} purchase: {@code demo-<customerId>}. */
    public static String demoToken(long customerId) {
        return "demo-" + customerId;
    }

    static int luhnCheckDigit(String payload) {
        int sum = 0;
        boolean doubled = true; // the check digit will take the rightmost place, so the payload's last digit doubles
        for (int i = payload.length() - 1; i >= 0; i--) {
            int digit = payload.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
