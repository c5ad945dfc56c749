// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.unit;

/** Level in the administrative hierarchy. DISTRICT also covers the regional health centres of 2025. */
public enum UnitLevel {
    PROVINCE, DISTRICT, COMMUNE
}
