package org.openmdms.web.meter;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import org.openmdms.meter.boundary.MeterData;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.boundary.MeterView;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.web.Messages;

/** meter/edit.xhtml: create a meter, or edit one (serial given); admins only. */
@Named
@ViewScoped
public class MeterEdit implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MeterRegistry registry;

    private String serial;
    private Long version;

    @NotBlank(message = "Serial number is required")
    @Size(max = 64)
    private String serialNumber;
    @Size(max = 100)
    private String manufacturer;
    @Size(max = 100)
    private String model;
    @NotNull(message = "Commodity is required")
    private Commodity commodity = Commodity.ELECTRIC;
    @NotNull(message = "Multiplier is required")
    @DecimalMin(value = "0", inclusive = false, message = "Multiplier must be positive")
    private BigDecimal multiplier = BigDecimal.ONE;
    @Size(max = 64)
    private String firmware;
    @Size(max = 64)
    private String headEndId;

    public void load() {
        if (serial == null || serial.isBlank()) {
            return;
        }
        MeterView meter = registry.meter(serial).orElse(null);
        if (meter == null) {
            Messages.error("No meter with serial number " + serial);
            return;
        }
        version = meter.version();
        serialNumber = meter.serialNumber();
        manufacturer = meter.manufacturer();
        model = meter.model();
        commodity = meter.commodity();
        multiplier = meter.multiplier();
        firmware = meter.firmware();
        headEndId = meter.headEndId();
    }

    public boolean isNew() {
        return version == null;
    }

    public String save() {
        MeterData data = new MeterData(serialNumber, manufacturer, model, commodity, multiplier, firmware, headEndId);
        try {
            MeterView saved = isNew() ? registry.createMeter(data) : registry.updateMeter(serial, data, version);
            return "/meter/detail.xhtml?faces-redirect=true&serial=" + saved.serialNumber();
        } catch (RuntimeException e) {
            Messages.refused(e);
            return null;
        }
    }

    public Commodity[] getCommodities() {
        return Commodity.values();
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public void setSerialNumber(String serialNumber) {
        this.serialNumber = serialNumber;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public void setManufacturer(String manufacturer) {
        this.manufacturer = manufacturer;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public Commodity getCommodity() {
        return commodity;
    }

    public void setCommodity(Commodity commodity) {
        this.commodity = commodity;
    }

    public BigDecimal getMultiplier() {
        return multiplier;
    }

    public void setMultiplier(BigDecimal multiplier) {
        this.multiplier = multiplier;
    }

    public String getFirmware() {
        return firmware;
    }

    public void setFirmware(String firmware) {
        this.firmware = firmware;
    }

    public String getHeadEndId() {
        return headEndId;
    }

    public void setHeadEndId(String headEndId) {
        this.headEndId = headEndId;
    }
}
