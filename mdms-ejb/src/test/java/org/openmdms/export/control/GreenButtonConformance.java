package org.openmdms.export.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The two checks a Green Button feed must pass: the ESPI 4.0 schema (with Atom) and the CMD test
 * harness's stylesheets for Download My Data electricity (function blocks 1, 4, 5, 15), which write
 * an {@code <assert TestID="Dnnn">} for each failed assertion.
 */
final class GreenButtonConformance {

    static final List<String> STYLESHEETS = List.of("FB_01.xsl", "FB_04.xsl", "FB_05.xsl", "FB_15.xsl");
    private static final Pattern ASSERT = Pattern.compile("<assert\\s+TestID=\"([^\"]+)\"[^>]*>.*?<TestName>([^<]*)</TestName>",
            Pattern.DOTALL);

    private static Schema schema;

    private GreenButtonConformance() {
    }

    /** Schema errors (line and message); empty when the feed is valid. */
    static List<String> schemaErrors(byte[] feed) {
        List<String> errors = new ArrayList<>();
        Validator validator = schema().newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ": " + e.getMessage());
            }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(feed)));
        } catch (SAXException e) {
            errors.add(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    /** The failed assertions ("D136 LocalTimeParameters") the stylesheet reports; empty when it passes. */
    static List<String> failedAssertions(String stylesheet, byte[] feed) {
        try (InputStream xsl = resource(stylesheet).openStream()) {
            Templates templates = TransformerFactory.newDefaultInstance().newTemplates(new StreamSource(xsl));
            StringWriter out = new StringWriter();
            templates.newTransformer().transform(new StreamSource(new ByteArrayInputStream(feed)), new StreamResult(out));
            if (!out.toString().contains("<anElement")) {
                throw new IllegalStateException(stylesheet + " wrote no report: " + out);
            }
            List<String> failed = new ArrayList<>();
            Matcher m = ASSERT.matcher(out.toString());
            while (m.find()) {
                failed.add(m.group(1) + " " + m.group(2));
            }
            return failed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Schema schema() {
        if (schema == null) {
            try {
                schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(resource("espi.xsd"));
            } catch (SAXException e) {
                throw new IllegalStateException(e);
            }
        }
        return schema;
    }

    static URL resource(String name) {
        URL url = GreenButtonConformance.class.getResource("/greenbutton/" + name);
        if (url == null) {
            throw new IllegalStateException("No test resource greenbutton/" + name);
        }
        return url;
    }
}
