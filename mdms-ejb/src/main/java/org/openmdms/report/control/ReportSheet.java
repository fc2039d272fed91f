package org.openmdms.report.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One report as a real spreadsheet, written row by row in bounded memory (POI's streaming SXSSF keeps
 * {@value #WINDOW} rows in memory, the rest in a temporary file): a bold header row, frozen, with an
 * auto-filter over the columns, widths set, and typed cells — numbers as numbers, dates and times as
 * Excel dates (date-times shown in the zone given, usually UTC, and said so in the header). Close it
 * (try-with-resources) to remove the temporary file.
 */
public final class ReportSheet implements AutoCloseable {

    static final int WINDOW = 200;
    /** Excel's limit of rows per sheet, header included. */
    public static final int MAX_ROWS = 1_048_576;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final List<Column> columns;
    private final ZoneId zone;
    private final CellStyle[] styles;
    private int next;

    public ReportSheet(String name, List<Column> columns, ZoneId zone) {
        this.columns = List.copyOf(columns);
        this.zone = zone;
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(name);
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle header = workbook.createCellStyle();
        header.setFont(bold);
        Row row = sheet.createRow(next++);
        styles = new CellStyle[columns.size()];
        short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
        short dateTimeFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss");
        short decimalFormat = workbook.createDataFormat().getFormat("#,##0.000###");
        short integerFormat = workbook.createDataFormat().getFormat("0");
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            Cell cell = row.createCell(i);
            cell.setCellValue(column.type() == Column.Type.DATE_TIME ? column.header() + " (" + zone.getId() + ")"
                    : column.header());
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, Math.min(255, column.width()) * 256);
            CellStyle style = workbook.createCellStyle();
            switch (column.type()) {
                case DATE -> style.setDataFormat(dateFormat);
                case DATE_TIME -> style.setDataFormat(dateTimeFormat);
                case DECIMAL -> style.setDataFormat(decimalFormat);
                case INTEGER -> style.setDataFormat(integerFormat);
                default -> { }
            }
            styles[i] = style;
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
    }

    /** Adds a row; values in column order, null for an empty cell. */
    public void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + values.length + " values for " + columns.size()
                    + " columns");
        }
        if (next >= MAX_ROWS) {
            throw new IllegalStateException("a sheet holds at most " + MAX_ROWS + " rows: narrow the report");
        }
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            cell.setCellStyle(styles[i]);
            switch (columns.get(i).type()) {
                case INTEGER, DECIMAL -> cell.setCellValue(value instanceof BigDecimal d ? d.doubleValue()
                        : ((Number) value).doubleValue());
                case DATE -> cell.setCellValue((LocalDate) value);
                case DATE_TIME -> cell.setCellValue(value instanceof Instant t ? LocalDateTime.ofInstant(t, zone)
                        : (LocalDateTime) value);
                default -> cell.setCellValue(value.toString());
            }
        }
    }

    /** Rows written so far, without the header. */
    public int rows() {
        return next - 1;
    }

    public void write(OutputStream out) {
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
