package org.openmdms.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.boundary.RegistryOverview;

/** The home page: what the registry holds, per status and per feeder. */
@Named
@ViewScoped
public class Home implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MeterRegistry registry;

    private RegistryOverview overview;

    public void load() {
        overview = registry.overview();
    }

    public RegistryOverview getOverview() {
        return overview;
    }

    public List<Map.Entry<String, Long>> getFeeders() {
        return List.copyOf(overview.usagePointsByFeeder().entrySet());
    }
}
