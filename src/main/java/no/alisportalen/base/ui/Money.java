package no.alisportalen.base.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Kroner as people say them: "1,45 mill. kr" for large sums, "367 000 kr" otherwise. */
public final class Money {

    private Money() {}

    public static String nok(long amount, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        if (Math.abs(amount) >= 1_000_000) {
            var millions = BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(1_000_000), 2, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            var format = NumberFormat.getNumberInstance(english ? Locale.UK : Locale.forLanguageTag("nb"));
            format.setMaximumFractionDigits(2);
            format.setMinimumFractionDigits(millions.scale() > 0 ? Math.min(2, millions.scale()) : 0);
            return english ? "NOK " + format.format(millions) + " million" : format.format(millions) + " mill. kr";
        }
        var format = NumberFormat.getIntegerInstance(english ? Locale.UK : Locale.forLanguageTag("nb"));
        return english ? "NOK " + format.format(amount) : format.format(amount) + " kr";
    }
}
