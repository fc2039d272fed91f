package org.openmdms.web.meter;

/** Reads the entity version a client saw from an If-Match header ("3" or 3); none means "don't check". */
final class Versions {

    private Versions() {
    }

    static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.strip())) {
            return null;
        }
        String digits = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Long.valueOf(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("If-Match must carry the version number that was read, e.g. \"3\"");
        }
    }
}
