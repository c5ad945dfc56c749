// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.figures;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads yearly commune figures. */
public interface FiguresService {

    /** Figures of the given communes, every year, oldest first. */
    List<CommuneYear> figuresOf(Collection<UUID> communeIds);
}
