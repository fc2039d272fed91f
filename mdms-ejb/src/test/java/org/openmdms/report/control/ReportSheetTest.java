package org.openmdms.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A report is a real spreadsheet: typed cells, a frozen bold header with an auto-filter, widths; large ones in bounded memory. */
class ReportSheetTest {

    private static final List<Column> COLUMNS = List.of(Column.text("Usage point", 18), Column.integer("Count"),
            Column.decimal("kWh"), Column.date("Day"), Column.dateTime("At"));

    @Test
    void cellsAreTypedAndTheHeaderIsFrozenAndFiltered() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportSheet sheet = new ReportSheet("Test", COLUMNS, ZoneOffset.UTC)) {
            sheet.row("LCL-MAC000002", 48, new BigDecimal("12.345"), LocalDate.of(2013, 3, 31),
                    Instant.parse("2013-03-31T00:30:00Z"));
            sheet.row("LCL-MAC000003", null, null, null, null);
            sheet.write(out);
            assertEquals(2, sheet.rows());
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = book.getSheet("Test");
            assertEquals("Usage point", sheet.getRow(0).getCell(0).getStringCellValue());
            assertTrue(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals("At (Z)", sheet.getRow(0).getCell(4).getStringCellValue());
            assertEquals(CellType.NUMERIC, sheet.getRow(1).getCell(1).getCellType());
            assertEquals(48.0, sheet.getRow(1).getCell(1).getNumericCellValue());
            assertEquals(12.345, sheet.getRow(1).getCell(2).getNumericCellValue(), 1e-9);
            assertTrue(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(3)));
            assertEquals(LocalDateTime.of(2013, 3, 31, 0, 0), sheet.getRow(1).getCell(3).getLocalDateTimeCellValue());
            assertEquals(LocalDateTime.of(2013, 3, 31, 0, 30), sheet.getRow(1).getCell(4).getLocalDateTimeCellValue());
            assertEquals(null, sheet.getRow(2).getCell(1));
            assertNotNull(sheet.getPaneInformation());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertNotNull(sheet.getCTWorksheet().getAutoFilter());
            assertEquals("A1:E1", sheet.getCTWorksheet().getAutoFilter().getRef());
            assertEquals(18 * 256, sheet.getColumnWidth(0));
        }
    }

    /** 200 000 rows while the heap grows by far less than the rows would take in memory. */
    @Test
    void aLargeReportIsWrittenInBoundedMemory() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        long peak = before;
        int rows = 200_000;
        try (ReportSheet sheet = new ReportSheet("Large", COLUMNS, ZoneOffset.UTC)) {
            Instant at = Instant.parse("2013-01-01T00:30:00Z");
            for (int i = 0; i < rows; i++) {
                sheet.row("UP-" + i, i, BigDecimal.valueOf(i, 3), LocalDate.of(2013, 1, 1).plusDays(i % 365),
                        at.plusSeconds(1800L * i));
                if (i % 20_000 == 0) {
                    peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
                }
            }
            sheet.write(out);
        }
        // an in-memory XSSF sheet of these rows takes several hundred MB; the streaming one a window of rows
        assertTrue(peak - before < 150L * 1024 * 1024, "heap grew by " + (peak - before) / 1024 / 1024 + " MB");
        assertEquals(rows + 1, rowsIn(out.toByteArray()));
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        try (ReportSheet sheet = new ReportSheet("Test", COLUMNS, ZoneOffset.UTC)) {
            assertThrows(IllegalArgumentException.class, () -> sheet.row("only one"));
        }
    }

    /** Counts the rows of the first sheet in the file without loading the workbook. */
    private static int rowsIn(byte[] xlsx) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile());
                    InputStream sheet = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
                String xml = new String(sheet.readAllBytes(), StandardCharsets.UTF_8);
                return xml.split("<row ", -1).length - 1;
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
