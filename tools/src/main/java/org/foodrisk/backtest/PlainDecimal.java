package org.foodrisk.backtest;

/**
 * A finite double in plain decimal notation with every digit {@link Double#toString} gives it and no trailing
 * zeros — the text of {@code BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()}, without parsing
 * that text into a {@code BigDecimal} and printing it back: the backtest writes two such numbers per judged
 * period, and on a short run that round trip was a tenth of its time. {@code PlainDecimalTest} holds it to
 * the {@code BigDecimal} text.
 */
final class PlainDecimal {

    private PlainDecimal() {
    }

    /** {@code value} must be finite; both zeros are "0", as {@code BigDecimal} has no negative zero. */
    static String of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not finite: " + value);
        }
        // Double.toString: [-]digits.digits, then E[-]exponent when the magnitude is below 1e-3 or from 1e7 on
        String text = Double.toString(value);
        boolean negative = text.charAt(0) == '-';
        int exponentAt = text.indexOf('E');
        int mantissaEnd = exponentAt < 0 ? text.length() : exponentAt;
        int point = text.indexOf('.');
        int exponent = exponentAt < 0 ? 0 : Integer.parseInt(text, exponentAt + 1, text.length(), 10);
        StringBuilder digits = new StringBuilder(mantissaEnd);
        digits.append(text, negative ? 1 : 0, point).append(text, point + 1, mantissaEnd);
        // digits before the decimal point once the exponent is applied
        int integerDigits = point - (negative ? 1 : 0) + exponent;
        int leadingZeros = 0;
        while (leadingZeros < digits.length() && digits.charAt(leadingZeros) == '0') {
            leadingZeros++;
        }
        int end = digits.length();
        while (end > leadingZeros && digits.charAt(end - 1) == '0') {
            end--;
        }
        if (end == leadingZeros) {
            return "0";
        }
        String significant = digits.substring(leadingZeros, end);
        integerDigits -= leadingZeros;
        StringBuilder plain = new StringBuilder(significant.length() + Math.abs(integerDigits) + 3);
        if (negative) {
            plain.append('-');
        }
        if (integerDigits <= 0) {
            plain.append("0.").append("0".repeat(-integerDigits)).append(significant);
        } else if (integerDigits >= significant.length()) {
            plain.append(significant).append("0".repeat(integerDigits - significant.length()));
        } else {
            plain.append(significant, 0, integerDigits).append('.').append(significant, integerDigits,
                    significant.length());
        }
        return plain.toString();
    }
}
