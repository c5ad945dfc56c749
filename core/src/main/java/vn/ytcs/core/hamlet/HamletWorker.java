// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.hamlet;

import java.time.LocalDate;
import java.util.UUID;
import vn.ytcs.core.staff.Sex;

/**
 * A hamlet health worker or village midwife.
 *
 * @param active  false for a worker recorded as not working without a day (older registers)
 * @param endDate the day the worker left; kept in the register with the history, never deleted
 */
public record HamletWorker(UUID id, UUID hamletId, String fullName, Sex sex, WorkerRole role,
                           int trainingMonths, boolean active, LocalDate endDate) {

    /** Still serving the hamlet on the day. */
    public boolean activeOn(LocalDate day) {
        return active && (endDate == null || endDate.isAfter(day));
    }

    /** Trained as long as the role requires. */
    public boolean trained() {
        return trainingMonths >= role.requiredTrainingMonths();
    }
}
