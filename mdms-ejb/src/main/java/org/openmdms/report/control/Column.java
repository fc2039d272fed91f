package org.openmdms.report.control;

/** A column of a report sheet: its header, the type of its cells and its width in characters. */
public record Column(String header, Type type, int width) {

    /** What a column's cells hold; each is written as a typed cell, never as text that looks like a number. */
    public enum Type { TEXT, INTEGER, DECIMAL, DATE, DATE_TIME }

    public static Column text(String header, int width) {
        return new Column(header, Type.TEXT, width);
    }

    public static Column integer(String header) {
        return new Column(header, Type.INTEGER, Math.max(10, header.length() + 2));
    }

    public static Column decimal(String header) {
        return new Column(header, Type.DECIMAL, Math.max(12, header.length() + 2));
    }

    public static Column date(String header) {
        return new Column(header, Type.DATE, Math.max(12, header.length() + 2));
    }

    public static Column dateTime(String header) {
        return new Column(header, Type.DATE_TIME, Math.max(20, header.length() + 2));
    }
}
