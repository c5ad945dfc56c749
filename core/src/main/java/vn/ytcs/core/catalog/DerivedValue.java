// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.catalog;

/** Values an indicator can take from the register instead of an entered answer. */
public enum DerivedValue {
    /** A doctor on the station's own staff (yes/no). */
    PERMANENT_DOCTOR,
    /** A doctor of any employment, rotating included (yes/no). */
    ANY_DOCTOR,
    /** A midwife or an obstetric assistant doctor (yes/no). */
    MIDWIFE_OR_OBSTETRIC_ASSISTANT,
    /** Current staff, scored against the staffing norm (count). */
    STAFF_COUNT,
    /** Hamlets with an active, trained hamlet health worker (percent). */
    HAMLET_WORKER_SHARE,
    /** People with health insurance of the population (percent). */
    INSURANCE_COVERAGE,
    /** People with a managed health record of the population (percent). */
    HEALTH_RECORD_COVERAGE,
    /** The station runs the family-doctor model (yes/no). */
    FAMILY_DOCTOR_MODEL
}
