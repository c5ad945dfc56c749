// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.figures;

import java.util.UUID;

/** Yearly figures of a commune; a null field was not reported. */
public record CommuneYear(UUID id, UUID unitId, int year, Integer population, Integer households, Integer insured,
                          Integer healthRecords, Integer childrenUnder5, Integer births) {
}
