package org.openmdms.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.store.RegistryHit;
import org.primefaces.event.SelectEvent;

/** The one search box in the header: serial, usage point, account or address, straight to the record. */
@Named
@RequestScoped
public class HeaderSearch {

    @Inject
    MeterRegistry registry;

    private String text;

    public List<String> complete(String query) {
        return registry.find(query, 12).stream().map(h -> h.kind() + ":" + h.key() + ":" + h.label()).toList();
    }

    public String label(String value) {
        int second = value == null ? -1 : value.indexOf(':', value.indexOf(':') + 1);
        return second < 0 ? value : value.substring(second + 1);
    }

    public void onSelect(SelectEvent<String> event) throws IOException {
        open(event.getObject());
    }

    /** Enter without choosing: open the best match, or the meter list filtered by the text. */
    public void go() throws IOException {
        List<RegistryHit> hits = registry.find(text, 1);
        if (hits.isEmpty()) {
            redirect("/meter/list.xhtml?serial=" + URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8));
        } else {
            open(hits.get(0).kind() + ":" + hits.get(0).key() + ":");
        }
    }

    private void open(String value) throws IOException {
        String[] parts = value.split(":", 3);
        String key = URLEncoder.encode(parts[1], StandardCharsets.UTF_8);
        redirect(RegistryHit.Kind.METER.name().equals(parts[0])
                ? "/meter/detail.xhtml?serial=" + key : "/usagepoint/detail.xhtml?code=" + key);
    }

    private static void redirect(String path) throws IOException {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + path);
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
