// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.station;

/** A commune health station, or since 2025 a health point (điểm y tế) of a merged commune's station. */
public enum StationKind {
    STATION, HEALTH_POINT
}
