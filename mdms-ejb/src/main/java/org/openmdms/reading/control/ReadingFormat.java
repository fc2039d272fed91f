package org.openmdms.reading.control;

import java.io.BufferedReader;
import java.util.Locale;

/** The reading-file formats the MDMS imports, each with its parser (conventions in docs/reading-import.md). */
public enum ReadingFormat {
    /** Low Carbon London CSV: LCLid,tstp,energy(kWh/hh); tstp is the half-hour's start, GMT. */
    LCL {
        @Override
        public void parse(BufferedReader in, ReadingSink sink) {
            LclCsvParser.parse(in, sink);
        }
    },
    /** CMEP MEPMD01; times are interval ends in the sender's zone (mdms.cmep.zone, default UTC). */
    CMEP {
        @Override
        public void parse(BufferedReader in, ReadingSink sink) {
            new CmepParser(org.openmdms.config.Settings.cmepZone()).parse(in, sink);
        }
    },
    /** AEMO NEM12 (intervals) and NEM13 (accumulation registers); market time UTC+10. */
    NEM12 {
        @Override
        public void parse(BufferedReader in, ReadingSink sink) {
            new Nem12Parser().parse(in, sink);
        }
    };

    public abstract void parse(BufferedReader in, ReadingSink sink);

    public static ReadingFormat of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnknownReadingFormat("Unknown reading format '" + name + "': use one of "
                    + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }
}
