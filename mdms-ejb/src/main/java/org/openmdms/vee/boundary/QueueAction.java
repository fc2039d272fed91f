package org.openmdms.vee.boundary;

/**
 * What an analyst does to exceptions in the queue: acknowledge (I am on it), assign to someone (or
 * nobody), resolve with a note saying how (accepted as is, edited, …).
 */
public record QueueAction(Kind kind, String assignee, String note) {

    public enum Kind { ACKNOWLEDGE, ASSIGN, RESOLVE }
}
