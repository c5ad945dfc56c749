// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.hamlet;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads hamlets and the people who serve them. */
public interface HamletService {

    /** Hamlets of the given communes, in Vietnamese collation order (numbers in natural order). */
    List<Hamlet> hamletsOf(Collection<UUID> communeIds);

    /** Workers of the given hamlets. */
    List<HamletWorker> workersOf(Collection<UUID> hamletIds);
}
