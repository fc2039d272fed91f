package org.openmdms.web.meter;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.boundary.UsagePointData;
import org.openmdms.meter.boundary.UsagePointView;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.web.Messages;

/** usagepoint/edit.xhtml: create a usage point, or edit one (code given); admins only. */
@Named
@ViewScoped
public class UsagePointEdit implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    @Inject
    MeterRegistry registry;

    private String code;
    private Long version;

    @NotBlank(message = "Usage point ID is required")
    @Size(max = 64, message = "Usage point ID has at most 64 characters")
    private String usagePointId;
    @NotNull(message = "Commodity is required")
    private Commodity commodity = Commodity.ELECTRIC;
    @NotNull(message = "Customer class is required")
    private CustomerClass customerClass = CustomerClass.RESIDENTIAL;
    @NotBlank(message = "Time zone is required")
    private String timeZone = "Europe/London";
    @Size(max = 64, message = "Account has at most 64 characters")
    private String accountId;
    @Size(max = 255, message = "Address has at most 255 characters")
    private String premiseAddress;
    @Size(max = 64, message = "Feeder has at most 64 characters")
    private String feeder;
    @Size(max = 64, message = "Transformer has at most 64 characters")
    private String transformer;
    @DecimalMin(value = "-90", message = "Latitude is between -90 and 90")
    @DecimalMax(value = "90", message = "Latitude is between -90 and 90")
    private BigDecimal latitude;
    @DecimalMin(value = "-180", message = "Longitude is between -180 and 180")
    @DecimalMax(value = "180", message = "Longitude is between -180 and 180")
    private BigDecimal longitude;
    @DecimalMin(value = "0", inclusive = false, message = "Service capacity must be more than 0 kW")
    @Digits(integer = 9, fraction = 3, message = "Service capacity has at most 3 decimals")
    private BigDecimal serviceCapacityKw;

    public void load() {
        if (code == null || code.isBlank()) {
            return;
        }
        UsagePointView up = registry.usagePoint(code).orElse(null);
        if (up == null) {
            Messages.error("No usage point " + code);
            return;
        }
        version = up.version();
        usagePointId = up.code();
        commodity = up.commodity();
        customerClass = up.customerClass();
        timeZone = up.timeZone();
        accountId = up.accountId();
        premiseAddress = up.premiseAddress();
        feeder = up.feeder();
        transformer = up.transformer();
        latitude = up.latitude();
        longitude = up.longitude();
        serviceCapacityKw = up.serviceCapacityKw();
    }

    public boolean isNew() {
        return version == null;
    }

    public String save() {
        UsagePointData data = new UsagePointData(usagePointId, commodity, customerClass, timeZone, accountId,
                premiseAddress, feeder, transformer, latitude, longitude, serviceCapacityKw);
        try {
            UsagePointView saved = isNew() ? registry.createUsagePoint(data)
                    : registry.updateUsagePoint(code, data, version);
            return "/usagepoint/detail.xhtml?faces-redirect=true&code=" + saved.code();
        } catch (RuntimeException e) {
            Messages.refused(e);
            return null;
        }
    }

    /** A time zone must be an IANA name the JVM knows (the autocomplete suggests only those). */
    public void validateZone(FacesContext context, UIComponent component, Object value) {
        if (value != null && !ZONES.contains(value.toString().strip())) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Unknown time zone '" + value + "': choose an IANA name such as Europe/London", null));
        }
    }

    /** Time zone suggestions: IANA names containing what was typed, case-insensitive. */
    public List<String> completeZone(String text) {
        String typed = text == null ? "" : text.strip().toLowerCase();
        return ZONES.stream().filter(z -> z.toLowerCase().contains(typed)).limit(25).toList();
    }

    public Commodity[] getCommodities() {
        return Commodity.values();
    }

    public CustomerClass[] getCustomerClasses() {
        return CustomerClass.values();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getUsagePointId() {
        return usagePointId;
    }

    public void setUsagePointId(String usagePointId) {
        this.usagePointId = usagePointId;
    }

    public Commodity getCommodity() {
        return commodity;
    }

    public void setCommodity(Commodity commodity) {
        this.commodity = commodity;
    }

    public CustomerClass getCustomerClass() {
        return customerClass;
    }

    public void setCustomerClass(CustomerClass customerClass) {
        this.customerClass = customerClass;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getPremiseAddress() {
        return premiseAddress;
    }

    public void setPremiseAddress(String premiseAddress) {
        this.premiseAddress = premiseAddress;
    }

    public String getFeeder() {
        return feeder;
    }

    public void setFeeder(String feeder) {
        this.feeder = feeder;
    }

    public String getTransformer() {
        return transformer;
    }

    public void setTransformer(String transformer) {
        this.transformer = transformer;
    }

    public BigDecimal getLatitude() {
        return latitude;
    }

    public void setLatitude(BigDecimal latitude) {
        this.latitude = latitude;
    }

    public BigDecimal getLongitude() {
        return longitude;
    }

    public void setLongitude(BigDecimal longitude) {
        this.longitude = longitude;
    }

    public BigDecimal getServiceCapacityKw() {
        return serviceCapacityKw;
    }

    public void setServiceCapacityKw(BigDecimal serviceCapacityKw) {
        this.serviceCapacityKw = serviceCapacityKw;
    }
}
