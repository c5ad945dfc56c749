// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.hamlet;

/** Who serves a hamlet: a hamlet health worker (≥ 3 months of training) or a village midwife (≥ 6). */
public enum WorkerRole {
    HEALTH_WORKER(3), VILLAGE_MIDWIFE(6);

    private final int requiredTrainingMonths;

    WorkerRole(int requiredTrainingMonths) {
        this.requiredTrainingMonths = requiredTrainingMonths;
    }

    /** Months of training Circular 27/2023/TT-BYT requires for the role. */
    public int requiredTrainingMonths() {
        return requiredTrainingMonths;
    }
}
