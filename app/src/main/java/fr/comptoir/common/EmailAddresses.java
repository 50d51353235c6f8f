package fr.comptoir.common;

import java.util.regex.Pattern;

/**
 * The one check of an e-mail address typed at the till (a new customer, a correction, a receipt to send):
 * something, an at sign, a domain with a dot, no spaces. Deliverability is the platform's business.
 */
public final class EmailAddresses {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private EmailAddresses() {
    }

    /** Whether {@code typed}, spaces around it aside, looks like an e-mail address. */
    public static boolean looksValid(String typed) {
        return typed != null && EMAIL.matcher(typed.strip()).matches();
    }
}
