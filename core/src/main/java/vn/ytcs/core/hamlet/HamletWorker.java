// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.hamlet;

import java.util.UUID;
import vn.ytcs.core.staff.Sex;

/** A hamlet health worker or village midwife. */
public record HamletWorker(UUID id, UUID hamletId, String fullName, Sex sex, WorkerRole role,
                           int trainingMonths, boolean active) {

    /** Active and trained as long as the role requires. */
    public boolean trainedAndActive() {
        return active && trainingMonths >= role.requiredTrainingMonths();
    }
}
