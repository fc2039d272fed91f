package org.openmdms.schedule.control;

/** What a run of a scheduled job reports for its history: records handled and files written, each null when not counted. */
public record JobOutcome(Long records, Integer files) {

    public static final JobOutcome NOTHING_COUNTED = new JobOutcome(null, null);

    public static JobOutcome records(long records) {
        return new JobOutcome(records, null);
    }
}
