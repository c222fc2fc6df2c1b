package dev.esimbot.billing;

/** ICCIDs are personal data: logs and pages show them only masked, e.g. {@code 8901********1234}. */
public final class Iccids {

    private Iccids() {
    }

    public static String mask(String iccid) {
        if (iccid == null || iccid.length() < 8) {
            return "********";
        }
        return iccid.substring(0, 4) + "********" + iccid.substring(iccid.length() - 4);
    }

    /** The short form users and staff see next to a plan name, e.g. {@code …1234}. */
    public static String lastDigits(String iccid) {
        return iccid == null || iccid.length() < 4 ? "…" : "…" + iccid.substring(iccid.length() - 4);
    }
}
