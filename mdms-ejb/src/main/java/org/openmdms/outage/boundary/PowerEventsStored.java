package org.openmdms.outage.boundary;

/** Ingest stored last gasps or power restores (fired in its transaction; detection wakes when it commits). */
public record PowerEventsStored(int events) {
}
