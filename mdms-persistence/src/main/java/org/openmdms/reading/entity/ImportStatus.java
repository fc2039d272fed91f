package org.openmdms.reading.entity;

/** Where an import of reads stands. A RUNNING import whose server died is finished by re-importing. */
public enum ImportStatus {
    RUNNING, COMPLETED, FAILED
}
