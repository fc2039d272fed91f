package org.openmdms.it;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * LCL reading files for tests: a household's half-hours over London days (the file's labels are the
 * GMT starts, as in Low Carbon London), values that vary through the day, and on one day a spike at
 * a given half-hour and a gap of two half-hours.
 */
final class LclDays {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private LclDays() {
    }

    /**
     * @param spikeAt half-hour of {@code odd} with a 6 kWh spike; {@code gapAt}: first of two missing half-hours
     */
    static String file(String meter, LocalDate first, LocalDate last, LocalDate odd, int spikeAt, int gapAt) {
        StringBuilder reads = new StringBuilder("LCLid,tstp,energy(kWh/hh)\n");
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (int i = 0; i < 48; i++) {
                if (day.equals(odd) && (i == gapAt || i == gapAt + 1)) {
                    continue;
                }
                var start = day.atStartOfDay(LONDON).plusMinutes(30L * i).withZoneSameInstant(ZoneOffset.UTC);
                double value = day.equals(odd) && i == spikeAt ? 6.0 : 0.2 + (i % 7) * 0.03;
                reads.append(String.format(Locale.ROOT, "%s,%s %02d:%02d:00,%.3f%n", meter, start.toLocalDate(),
                        start.getHour(), start.getMinute(), value));
            }
        }
        return reads.toString();
    }
}
