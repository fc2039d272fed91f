package org.openmdms.vee.control;

import java.util.List;

/** Fills the gaps of the judged days with estimates (the estimation chain), in time order. */
public interface GapFiller {

    List<Estimate> fill(VeeContext context);

    /** Fills nothing: VEE without estimation. */
    GapFiller NONE = context -> List.of();
}
