package org.openmdms.web.operations;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.openmdms.operations.boundary.Health;

/**
 * The figures operators watch (every role): as JSON by metric name, or in the Prometheus text
 * format for a scraper ({@code Accept: text/plain}). docs/operations.md lists them.
 */
@Path("metrics")
public class MetricsResource {

    @Inject
    Health health;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Number> json() {
        return health.figures();
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String prometheus() {
        StringBuilder text = new StringBuilder();
        String family = null;
        for (Map.Entry<String, Number> figure : health.figures().entrySet()) {
            String name = figure.getKey().contains("{") ? figure.getKey().substring(0, figure.getKey().indexOf('{'))
                    : figure.getKey();
            if (!name.equals(family)) {
                text.append("# TYPE ").append(name).append(name.endsWith("_total") ? " counter\n" : " gauge\n");
                family = name;
            }
            text.append(figure.getKey()).append(' ').append(figure.getValue()).append('\n');
        }
        return text.toString();
    }
}
