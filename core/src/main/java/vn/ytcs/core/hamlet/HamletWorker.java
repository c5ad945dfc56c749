// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.hamlet;

import java.util.Objects;
import java.util.UUID;
import vn.ytcs.core.staff.Sex;

/** A hamlet health worker or village midwife. */
public record HamletWorker(UUID id, UUID hamletId, String fullName, Sex sex, WorkerRole role,
                           int trainingMonths, boolean active) {

    public HamletWorker {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hamletId, "hamletId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(role, "role");
    }

    /** Active and trained as long as the role requires. */
    public boolean trainedAndActive() {
        return active && trainingMonths >= role.requiredTrainingMonths();
    }
}
