package org.openmdms.web.vee;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openmdms.vee.boundary.EditedValue;
import org.openmdms.vee.boundary.ReadEditing;
import org.openmdms.vee.control.EditReason;

/** Analysts' edits of a channel's reads, with a reason code (and the exception they answer, if any). */
@Path("usage-points/{code}/channels/{channelId}/edits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReadEditResource {

    @Inject
    ReadEditing editing;

    /** One interval's new value. */
    public record Value(String intervalEnd, BigDecimal value) {
    }

    /** Values to set. */
    public record Edit(List<Value> values, String reason, String comment, Long exceptionId) {
    }

    /** A range to replace by a straight line between its neighbours. */
    public record Interpolation(String firstEnd, String lastEnd, String reason, String comment, Long exceptionId) {
    }

    @POST
    public Map<String, Object> edit(@PathParam("code") String code, @PathParam("channelId") long channelId, Edit edit) {
        if (edit == null || edit.values() == null) {
            throw new IllegalArgumentException("Send {\"values\": [{\"intervalEnd\": ..., \"value\": ...}], \"reason\": ...}");
        }
        List<EditedValue> values = edit.values().stream()
                .map(v -> new EditedValue(instant("intervalEnd", v.intervalEnd()), v.value())).toList();
        return Map.of("changed", editing.edit(code, channelId, values, reason(edit.reason()), edit.comment(),
                edit.exceptionId()));
    }

    @POST
    @Path("interpolation")
    public Map<String, Object> interpolate(@PathParam("code") String code, @PathParam("channelId") long channelId,
            Interpolation range) {
        if (range == null) {
            throw new IllegalArgumentException("Send {\"firstEnd\": ..., \"lastEnd\": ..., \"reason\": ...}");
        }
        return Map.of("changed", editing.interpolate(code, channelId, instant("firstEnd", range.firstEnd()),
                instant("lastEnd", range.lastEnd()), reason(range.reason()), range.comment(), range.exceptionId()));
    }

    private static EditReason reason(String text) {
        try {
            return text == null ? null : EditReason.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reason must be one of " + java.util.Arrays.toString(EditReason.values()));
        }
    }

    private static Instant instant(String name, String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an instant such as 2013-05-30T10:30:00Z");
        }
    }
}
