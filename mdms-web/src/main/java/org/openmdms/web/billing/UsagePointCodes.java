package org.openmdms.web.billing;

import java.util.Arrays;
import java.util.List;

/** Usage point codes as an administrator pastes them: one per line (commas and blanks also separate). */
final class UsagePointCodes {

    private UsagePointCodes() {
    }

    static List<String> parse(String text) {
        List<String> codes = text == null ? List.of()
                : Arrays.stream(text.split("[\\s,;]+")).map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("Give the usage point codes, one per line");
        }
        return codes;
    }
}
